using Alba;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Escalation;
using Collections.Tests.Support;

namespace Collections.Tests.Dunning;

/// <summary>A final notice's promise kept through the real saga: hearing from the debtor in time, and only after it was sent.</summary>
public class FinalNoticeAcceptance(AppFixture fixture) : EscalationContext(fixture)
{
    [Fact]
    public async Task an_inbound_call_before_the_deadline_holds_the_credit_hold()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(28);
        var obligation = (await Events<ObligationRecorded>()).ShouldHaveSingleItem();

        Clock.Now = obligation.Deadline.AddSeconds(-25);
        await Command("contacts", new
        {
            channel = "phone", direction = "inbound", contactId = "cfo", outcome = "reached",
            summary = "Carl rang: the payment run is on Friday, asks us to hold off."
        });
        var held = (await Events<ObligationSuspended>()).ShouldHaveSingleItem();
        (await Events<CollectionTaskCreated>()).Last().Instructions.ShouldContain("Carl Finance got in touch");

        await Timeline.RunUntil(obligation.Deadline.AddHours(2));
        (await Events<CreditHoldPlaced>()).ShouldBeEmpty();
        var account = await Host.GetAsJson<System.Text.Json.JsonElement>(AccountUrl);
        account.GetProperty("obligations")[0].GetProperty("heldBecause").GetString().ShouldNotBeNull().ShouldContain("inbound phone");

        await Timeline.RunUntil(held.FollowUpUntil.AddMinutes(1));
        (await Events<CreditHoldPlaced>()).ShouldHaveSingleItem().PlacedAt.ShouldBe(held.FollowUpUntil);
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_certified_last_chance_runs_no_deadline_until_the_person_marks_it_posted()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(60);
        var waiting = (await Events<FinalNoticeAwaitingDispatch>()).ShouldHaveSingleItem();
        (await Events<EscalatedToAgency>()).ShouldBeEmpty();
        (await Events<ReminderSent>()).ShouldNotContain(r => r.StepId == "last-chance");
        await CatchUp();
        var queue = await Host.GetAsJson<System.Text.Json.JsonElement>("/api/work-queue?collector=collector-1&kind=noticeToDispatch");
        queue.GetProperty("data").GetProperty("total").GetInt32().ShouldBe(1);

        var postedAt = Clock.Now;
        await Command($"tasks/{waiting.TaskId}/completion", new { note = "posted, certified" });
        var notice = (await Events<ReminderSent>()).Single(r => r.StepId == "last-chance");
        notice.SentAt.ShouldBe(postedAt);
        var obligation = (await Events<ObligationRecorded>()).Last();
        obligation.Deadline.ShouldBe(postedAt.AddDays(2).AddHours(168));

        await Timeline.RunUntil(obligation.Deadline.AddMinutes(-1));
        (await Events<EscalatedToAgency>()).ShouldBeEmpty();
        await Timeline.RunUntil(obligation.Deadline.AddMinutes(1));
        (await Events<EscalatedToAgency>()).ShouldHaveSingleItem().EscalatedAt.ShouldBe(obligation.Deadline);
        await NoObligationShouldBeOverdue();
    }
}

using System.Text.Json;
using Alba;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Tasks;
using Collections.Tests.Support;

namespace Collections.Tests.Dunning;

/// <summary>
/// Through the real saga in virtual time: accounts are worked by collections staff only, the task and the work queue name
/// the same person, a missing role is stood in for by the next one up (and the message says so), and a message without an
/// address is never "sent": it waits for the address, which a collector records.
/// </summary>
public class StaffAndContactsAcceptance(AppFixture fixture) : EscalationContext(fixture)
{
    private static readonly string Collector1 = Tokens.For(Roles.Collector, "collector-1", name: "Sam Porter");
    private static readonly string Collector2 = Tokens.For(Roles.Collector, "collector-2", name: "Chris Park");
    private static readonly string Dana = Tokens.For(Roles.Collector, "dana.whitfield", name: "Dana Whitfield");
    private static readonly string Morgan = Tokens.For(Roles.CreditManager, "morgan.hale", name: "Morgan Hale");

    [Fact]
    public async Task a_sales_rep_cannot_be_assigned_as_collector()
    {
        var result = await Host.Scenario(x =>
        {
            x.Put.Json(new
            {
                debtorName = "Acme Widgets GmbH", timeZone = "Europe/Berlin", terms = new { netDays = 30, currency = "EUR" },
                contacts = Contacts, collector = "tom.sales (Sales Representative)"
            }).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(400);
        });

        await ShouldRefuse(result, "collector", versionBefore: 0);
        (await Events()).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_task_and_the_work_queue_name_the_same_collector()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(22, hour: 11); // the first call (day 8) is the collector's, the CFO call (day 22) the accounts manager's
        await CatchUp();

        var tasks = (await Events<CollectionTaskCreated>()).ToDictionary(t => t.StepId);
        tasks["first-call"].Assignee.ShouldBe("collector-1");
        tasks["cfo-call"].Assignee.ShouldBe("dana.whitfield");

        var mine = await Queue("collector-1");
        mine.ShouldContain(i => i.Kind == "call" && i.Detail.Contains(tasks["first-call"].TaskId) && i.Collector == "collector-1");
        mine.ShouldNotContain(i => i.Detail.Contains(tasks["cfo-call"].TaskId));
        var danas = await Queue("dana.whitfield");
        danas.ShouldHaveSingleItem().Detail.ShouldContain(tasks["cfo-call"].TaskId);
        (await Queue("collector-2")).ShouldBeEmpty();

        // Each completes their own task; another collector may not.
        await Complete(tasks["cfo-call"].TaskId, Collector2, 403);
        await Complete(tasks["cfo-call"].TaskId, Dana, 200);
        await Complete(tasks["first-call"].TaskId, Collector1, 200);
        (await Events<CollectionTaskCompleted>()).Select(c => c.CompletedBy).ShouldBe(["dana.whitfield", "collector-1"]);
    }

    [Fact]
    public async Task with_no_cfo_the_cfo_step_goes_to_the_next_role_up_and_says_so()
    {
        await OpenAccountWithInvoiceFallingDue(contacts: [Clerk, Controller, Owner]);
        await RunUntilDay(29); // the final notice: day 27 is Easter Sunday, so Tuesday, day 29

        (await Events<RecipientSubstituted>()).Select(r => r.StepId).ShouldBe(["cfo-call", "final-notice"]);
        var notice = (await Events<ReminderSent>()).Single(r => r.StepId == "final-notice");
        notice.RecipientContactId.ShouldBe("own");
        var email = Fixture.Smtp.Messages.Single(m => m.Contains("X-Collections-Step: final-notice"));
        email.ShouldContain("To: Otto Owner <own@acme.test>");
        email.ShouldContain("We have no contact on file for your Chief Financial Officer, so this comes to you directly.");
        (await Events<ObligationRecorded>()).ShouldHaveSingleItem();

        var history = await Get($"{AccountUrl}/events");
        history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldContain(nameof(RecipientSubstituted));
    }

    [Fact]
    public async Task a_letter_waits_for_its_postal_address_and_goes_out_when_the_collector_records_it()
    {
        await OpenAccountWithInvoiceFallingDue(contacts:
            [new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@acme.test" }, Controller, Cfo, Owner]);
        await RunUntilDay(1, hour: 12);
        await CatchUp();

        (await Events<ReminderSent>()).ShouldBeEmpty();
        var request = (await Events<ContactDetailsRequested>()).ShouldHaveSingleItem();
        (request.StepId, request.Missing, request.ContactId, request.Assignee).ShouldBe(("reminder-letter", ContactDetail.PostalAddress, "ap", "collector-1"));
        var view = await Get(AccountUrl);
        view.GetProperty("dunning").GetProperty("pausedFor").GetString()!.ShouldContain("no postal address for Ada Clerk");
        view.GetProperty("openTasks").EnumerateArray().ShouldContain(t => t.GetProperty("obtain").GetString() == "postalAddress");
        view.GetProperty("contactGaps").EnumerateArray().Select(g => (g.GetProperty("stepId").GetString(), g.GetProperty("missing").GetString()))
            .ShouldBe([("reminder-letter", "postalAddress")]);
        (await Queue("collector-1")).ShouldContain(i => i.Kind == "contactDetailsToFind" && i.Detail.Contains(request.TaskId));

        var details = new { name = "Ada Clerk", role = "apClerk", email = "ap@acme.test", postalAddress = "Postfach 12, 10115 Berlin" };
        await Record("ap", details, Collector2, 403);
        await Record("ap", details, Collector1, 200);

        var letter = (await Events<ReminderSent>()).ShouldHaveSingleItem();
        letter.StepId.ShouldBe("reminder-letter");
        letter.SentAt.ShouldBe(Clock.Now);
        (await Events<CollectionTaskCreated>()).ShouldHaveSingleItem().Instructions.ShouldContain("Postfach 12, 10115 Berlin");
        (await Events<CollectionTaskCompleted>()).ShouldHaveSingleItem().TaskId.ShouldBe(request.TaskId);
        (await Account()).Dunning!.NextStep!.StepId.ShouldBe("friendly-email");
    }

    [Fact]
    public async Task a_final_notice_to_a_cfo_without_an_email_address_is_not_sent_and_starts_no_obligation()
    {
        await OpenAccountWithInvoiceFallingDue(contacts:
            [Clerk, Controller, new { contactId = "cfo", name = "Carl Finance", role = "cfo", phone = "+49 30 1234", postalAddress = PostalAddress }, Owner]);
        await RunUntilDay(29); // the final notice: day 27 is Easter Sunday, so Tuesday, day 29

        (await Events<ReminderSent>()).ShouldNotContain(r => r.StepId == "final-notice");
        (await Events<ObligationRecorded>()).ShouldBeEmpty();
        Fixture.Smtp.Messages.ShouldNotContain(m => m.Contains("X-Collections-Step: final-notice"));
        (await Events<ContactDetailsRequested>()).ShouldHaveSingleItem().Missing.ShouldBe(ContactDetail.Email);

        await RunUntilDay(120); // nobody found the address: the notice is skipped, and with it the hold it would have announced
        (await Events<StepSkipped>()).Select(s => s.StepId).ShouldBe(["final-notice", "credit-hold"]);
        (await Events<CreditHoldPlaced>()).ShouldBeEmpty();
        // The certified last chance can go out: it waits for the person who posts it, and its deadline only then.
        var letter = (await Events<FinalNoticeAwaitingDispatch>()).ShouldHaveSingleItem();
        letter.StepId.ShouldBe("last-chance");
        (await Events<ObligationRecorded>()).ShouldBeEmpty();
        await Complete(letter.TaskId, Morgan, 200);
        (await Events<ObligationRecorded>()).ShouldHaveSingleItem().AnnouncedInStep.ShouldBe("last-chance");
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_certified_notice_waits_for_its_address_and_completing_the_request_sends_nothing()
    {
        await OpenAccountWithInvoiceFallingDue(contacts:
            [Clerk, Controller, Cfo, new { contactId = "own", name = "Otto Owner", role = "owner", email = "own@acme.test" }]);
        await RunUntilDay(39); // the last chance, by certified letter to the owner, fell due on day 38 (seven days after the hold)
        await CatchUp();

        var request = (await Events<ContactDetailsRequested>()).ShouldHaveSingleItem();
        (request.StepId, request.Missing, request.Assignee).ShouldBe(("last-chance", ContactDetail.PostalAddress, "collector-1"));
        (await Events<FinalNoticeAwaitingDispatch>()).ShouldBeEmpty();
        (await Events<ObligationRecorded>()).Select(o => o.AnnouncedInStep).ShouldBe(["final-notice"]);
        (await Queue("morgan.hale")).ShouldNotContain(i => i.Kind == "noticeToDispatch");

        // The collector closes the request without the address: that sends no notice and starts no deadline.
        await Complete(request.TaskId, Collector1, 200);
        (await Events<ReminderSent>()).ShouldNotContain(r => r.StepId == "last-chance");
        (await Events<ObligationRecorded>()).Count.ShouldBe(1);
        (await Account()).Dunning!.PausedFor!.ShouldContain("no postal address for Otto Owner");

        await Record("own", new { name = "Otto Owner", role = "owner", email = "own@acme.test", postalAddress = PostalAddress }, Collector1, 200);
        var letter = (await Events<FinalNoticeAwaitingDispatch>()).ShouldHaveSingleItem();
        (await Events<ObligationRecorded>()).Count.ShouldBe(1);
        await CatchUp();
        (await Queue("morgan.hale")).ShouldContain(i => i.Kind == "noticeToDispatch" && i.Detail.Contains(letter.TaskId));

        var postedAt = Clock.Now;
        await Complete(letter.TaskId, Morgan, 200);
        (await Events<ReminderSent>()).Single(r => r.StepId == "last-chance").SentAt.ShouldBe(postedAt);
        (await Events<ObligationRecorded>()).Last().AnnouncedInStep.ShouldBe("last-chance");
    }

    private sealed record QueueItem(string Kind, string Detail, string? Collector);

    private async Task<List<QueueItem>> Queue(string collector) =>
        (await Get($"/api/work-queue?collector={collector}&pageSize=200")).GetProperty("data").GetProperty("items").EnumerateArray()
        .Select(i => new QueueItem(i.GetProperty("kind").GetString()!, i.GetProperty("detail").GetString()!, i.GetProperty("collector").GetString()))
        .ToList();

    private Task<IScenarioResult> Complete(string taskId, string authorization, int status) =>
        Timeline.Http(x =>
        {
            x.Post.Json(new { note = "done" }).ToUrl($"{AccountUrl}/tasks/{taskId}/completion");
            x.WithRequestHeader("Authorization", authorization);
            x.StatusCodeShouldBe(status);
        });

    private Task<IScenarioResult> Record(string contactId, object details, string authorization, int status) =>
        Timeline.Http(x =>
        {
            x.Put.Json(details).ToUrl($"{AccountUrl}/contacts/{contactId}");
            x.WithRequestHeader("Authorization", authorization);
            x.StatusCodeShouldBe(status);
        });
}

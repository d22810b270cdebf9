using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Promises;
using Collections.Tests.Support;

namespace Collections.Tests.Dunning;

public class EscalationAcceptance(AppFixture fixture) : EscalationContext(fixture)
{
    [Fact]
    public async Task the_default_policy_runs_an_account_from_due_date_to_agency_referral()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(40);
        // The last chance goes by certified letter: it waits until a person has posted it.
        var letter = (await Events<FinalNoticeAwaitingDispatch>()).ShouldHaveSingleItem();
        (await Events<EscalatedToAgency>()).ShouldBeEmpty();
        await Command($"tasks/{letter.TaskId}/completion", new { note = "posted, certified" });
        await RunUntilDay(120);

        var events = await Events();
        var steps = events.OfType<DunningStepScheduled>().Select(s => s.StepId).ToList();
        steps.ShouldBe(["reminder-letter", "friendly-email", "first-call", "controller-email", "cfo-call", "final-notice",
            "credit-hold", "last-chance", "agency-referral"]);
        events.OfType<DunningStarted>().ShouldHaveSingleItem().Segment.ShouldBe(CollectionSegment.FirstTimeLatePayer);

        var firstLetter = events.OfType<ReminderSent>().First();
        firstLetter.SentAt.ShouldBe(new DateTimeOffset(DueDate.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1)));
        events.OfType<LateFeeApplied>().ShouldHaveSingleItem().Fee.Amount.ShouldBe(60m);
        events.OfType<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedBy.ShouldBe("credit policy");
        var referral = events.OfType<EscalatedToAgency>().ShouldHaveSingleItem();
        referral.AmountsReferred.ShouldHaveSingleItem().Amount.ShouldBe(1260m); // the contract's late fee included
        var lastChance = events.OfType<ObligationRecorded>().Last();
        referral.EscalatedAt.ShouldBe(lastChance.Deadline);
        events.OfType<ObligationFulfilled>().Count().ShouldBe(2);
        events.OfType<DunningCompleted>().ShouldHaveSingleItem();

        // Emails went out through the SMTP adapter; letters and calls became tasks for people.
        Fixture.Smtp.Messages.ShouldContain(m => m.Contains("Subject: Account ACME-00042: please contact me by"));
        events.OfType<CollectionTaskCreated>().Count(t => t.Channel == Collections.Domain.Common.Channel.Phone).ShouldBe(2);

        (await Obligations("status=fulfilled")).GetProperty("total").GetInt64().ShouldBe(2);
        (await Obligations("status=open")).GetProperty("total").GetInt64().ShouldBe(0);
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_first_time_late_payer_who_pays_after_the_first_reminder_hears_nothing_more()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(2);
        await Command("payments", new { paymentId = "PAY-1", amount = 1200m, currency = "EUR" });
        await RunUntilDay(120);

        (await Events<ReminderSent>()).Select(r => r.StepId).ShouldBe(["reminder-letter"]);
        (await Events<DunningCompleted>()).ShouldHaveSingleItem().Reason.ShouldContain("paid");
        (await Events<LateFeeApplied>()).ShouldBeEmpty();
        Fixture.Smtp.Messages.ShouldNotContain(m => m.Contains("X-Collections-Account: ACME-00042"));
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_chronic_late_payer_gets_the_firm_ladder()
    {
        await OpenAccountWithInvoiceFallingDue();
        foreach (var n in new[] { 1, 2 })
        {
            await Command("invoices", new
            {
                invoiceNumber = $"OLD-{n}", amount = 100m, currency = "EUR",
                issueDate = DueDate.AddDays(-120 * n), dueDate = DueDate.AddDays(-90 * n)
            });
            await Command("payments", new { paymentId = $"P-OLD-{n}", amount = 100m, currency = "EUR", appliedTo = new[] { new { invoiceNumber = $"OLD-{n}", amount = 100m } } });
        }

        await RunUntilDay(10);
        (await Events<DunningStarted>()).Last().Segment.ShouldBe(CollectionSegment.ChronicLatePayer);
        var first = (await Events<ReminderSent>()).First(r => r.StepId == "firm-letter");
        first.RenderedText.ShouldContain("not the first time");
        first.Sender.ShouldStartWith("Dana Whitfield");
    }

    [Fact]
    public async Task a_broken_promise_is_recorded_and_the_ladder_resumes_firmer()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(5);
        await Command("promises", new { amount = 1200m, currency = "EUR", promisedDate = DueDate.AddDays(15) });
        await RunUntilDay(16);
        (await Events<ReminderSent>()).Count.ShouldBe(2);

        await RunUntilDay(19);
        (await Events<PromiseBroken>()).ShouldHaveSingleItem().AmountShort.Amount.ShouldBe(1200m);
        var resumed = (await Events<DunningResumed>()).ShouldHaveSingleItem();
        resumed.NextStepId.ShouldBe("controller-email");
        (await Events<ReminderSent>()).Last().StepId.ShouldBe("controller-email");
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_promise_never_releases_the_hold_and_the_money_must_arrive_first()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(31);
        (await Account()).CreditHold.ShouldNotBeNull();

        // "If I promise to pay tomorrow, will you release the order?" No.
        await Command("promises", new { amount = 1260m, currency = "EUR", promisedDate = DueDate.AddDays(33) });
        var release = new { reason = "CFO asked for the held order" };
        await Command("credit-hold/release", release, 422);
        (await Account()).CreditHold.ShouldNotBeNull();

        await Command("payments", new { paymentId = "PAY-1", amount = 1260m, currency = "EUR" });
        (await Account()).CreditHold.ShouldNotBeNull(); // paid, but releasing is a person's decision
        await Command("credit-hold/release", release with { reason = "past-due balance paid in full" });
        (await Account()).CreditHold.ShouldBeNull();
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_final_notice_deadline_passing_brings_the_announced_step_exactly_on_time()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(28); // the final notice went out on day 27 at 13:00 with a 48-hour window
        var obligation = (await Obligations("status=open")).GetProperty("items")[0];
        var deadline = obligation.GetProperty("deadline").GetDateTimeOffset();
        obligation.GetProperty("consequence").GetString().ShouldBe("creditHold");

        await Timeline.RunUntil(deadline);
        (await Events<CreditHoldPlaced>()).ShouldHaveSingleItem().PlacedAt.ShouldBe(deadline);
        (await Obligations("status=fulfilled")).GetProperty("total").GetInt64().ShouldBe(1);
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_dispute_pauses_everything_until_resolved()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(2);
        await Command("disputes", new { invoiceNumbers = new[] { "INV-7" }, reason = "goods arrived damaged" });
        await RunUntilDay(60);
        (await Events<ReminderSent>()).Count.ShouldBe(1);
        (await Account()).Dunning!.PausedFor!.ShouldContain("dispute D-1");

        await Command("disputes/D-1/resolution", new { outcome = "inFavourOfCreditor", note = "signed delivery note" });
        await Timeline.Advance(TimeSpan.FromMinutes(1));
        (await Events<ReminderSent>()).Select(r => r.StepId).ShouldBe(["reminder-letter", "friendly-email"]);
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_partial_payment_leaves_the_rest_in_escalation()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(5);
        await Command("payments", new { paymentId = "PAY-1", amount = 700m, currency = "EUR" });
        await RunUntilDay(9);

        var call = (await Events<CollectionTaskCreated>()).Single(t => t.StepId == "first-call");
        call.Instructions.ShouldContain("500.00 EUR open");
        (await Account()).Dunning.ShouldNotBeNull();
    }

    [Fact]
    public async Task escalation_starts_again_when_a_new_invoice_goes_past_due()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(2);
        await Command("payments", new { paymentId = "PAY-1", amount = 1200m, currency = "EUR" });
        await Command("invoices", new { invoiceNumber = "INV-8", amount = 300m, currency = "EUR", issueDate = DueDate, dueDate = DueDate.AddDays(30) });
        await RunUntilDay(32);

        (await Events<DunningStarted>()).Count.ShouldBe(2);
        (await Events<ReminderSent>()).Last().RenderedText.ShouldContain("Invoice INV-8");
        (await Account()).Dunning.ShouldNotBeNull();
    }

    [Fact]
    public async Task what_the_policy_appends_names_the_policy_and_carries_the_requests_correlation_id()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(2);
        await Timeline.Http(x =>
        {
            x.Post.Json(new { paymentId = "PAY-1", amount = 1200m, currency = "EUR" }).ToUrl($"{AccountUrl}/payments");
            x.WithRequestHeader("X-Correlation-Id", "remittance-4411");
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Integration, "bank-feed"));
            x.StatusCodeShouldBe(200);
        });

        await using var session = Store.QuerySession(Tenants.Default);
        var events = await session.Events.FetchStreamAsync(AccountNumber);
        events.First(e => e.Data is ReminderSent).UserName.ShouldBe("credit policy");
        var completed = events.Single(e => e.Data is DunningCompleted);
        completed.UserName.ShouldBe("credit policy");
        completed.CorrelationId.ShouldBe("remittance-4411");
        events.Single(e => e.Data is Collections.Domain.Payments.PaymentReceived).UserName.ShouldBe("bank-feed");
    }

    [Fact]
    public async Task a_referral_by_hand_takes_the_account_off_the_ladder()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(5);
        await Command("agency-referral", new { agency = "Harbour Collections" });
        await RunUntilDay(120);

        (await Events<DunningCompleted>()).ShouldHaveSingleItem().Reason.ShouldContain("Harbour Collections");
        (await Events<ReminderSent>()).Count.ShouldBe(2);
        (await Account()).Dunning.ShouldBeNull();
    }

    [Fact]
    public async Task a_write_off_ends_the_escalation_and_a_reopening_starts_it_again()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(5);
        await Command("write-off", new { reason = "insolvency filed" });
        await RunUntilDay(40);
        (await Events<DunningCompleted>()).ShouldHaveSingleItem().Reason.ShouldContain("written off");
        (await Events<ReminderSent>()).Count.ShouldBe(2);

        await Command("reopen", new { reason = "insolvency withdrawn" });
        await Timeline.Advance(TimeSpan.FromMinutes(1));
        (await Events<DunningStarted>()).Count.ShouldBe(2);
        (await Account()).Dunning.ShouldNotBeNull();
        await NoObligationShouldBeOverdue();
    }
}

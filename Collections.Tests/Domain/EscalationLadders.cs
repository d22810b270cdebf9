using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

public class EscalationLadders
{
    private static readonly DateOnly Due = new(2026, 10, 30);

    private static DunningSimulation PastDueAccount(decimal amount = 1200m, params object[] history)
    {
        var account = Opened("Europe/Berlin").With(history);
        account.With(new InvoiceIssued("INV-7", new Money(amount, "EUR"), Due.AddDays(-30), Due,
            new ContractTerms("MSA-2024", new LateFeeClause(5, 30))));
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, null));
        account.Contacts.Add(new DebtorContact("own", "Otto Owner", ContactRole.Owner, null, null, "1 Main St, Berlin"));
        var simulation = new DunningSimulation(account, DefaultPolicy.Policy);
        simulation.Start(account.StartOf(Due.AddDays(1)));
        return simulation;
    }

    private static IEnumerable<string> StepsRun(DunningSimulation s) =>
        s.Of<ReminderSent>().Select(r => r.StepId)
            .Concat(s.Of<CollectionTaskCreated>().Where(t => t.Channel == Channel.Phone).Select(t => t.StepId))
            .Concat(s.Of<CreditHoldPlaced>().Select(_ => "credit-hold"))
            .Concat(s.Of<EscalatedToAgency>().Select(_ => "agency-referral"));

    [Fact]
    public void the_whole_gentle_ladder_runs_from_due_date_to_agency_referral_in_120_days()
    {
        var s = PastDueAccount();
        s.RunSendingNoticesAtOnce(s.Now.AddDays(120));

        s.Account.Dunning.ShouldBeNull();
        s.Of<DunningStarted>().ShouldHaveSingleItem().Segment.ShouldBe(CollectionSegment.FirstTimeLatePayer);
        s.Of<DunningStepScheduled>().Select(e => e.StepId).ShouldBe(
            ["reminder-letter", "friendly-email", "first-call", "controller-email", "cfo-call", "final-notice",
             "credit-hold", "last-chance", "agency-referral"]);

        var letter = s.Of<ReminderSent>().First();
        letter.StepId.ShouldBe("reminder-letter");
        letter.SentAt.ShouldBe(s.Account.At(Due.AddDays(1), new TimeOnly(9, 0)));
        letter.RecipientRole.ShouldBe(ContactRole.ApClerk);
        letter.RenderedText.ShouldContain("Invoice INV-7, due 2026-10-30, 1 days past due: 1,200.00 EUR open");

        var notice = s.Of<ReminderSent>().Single(r => r.StepId == "final-notice");
        notice.Sender.ShouldBe("Morgan Hale, Credit Manager");
        notice.RecipientRole.ShouldBe(ContactRole.Cfo);
        notice.RenderedText.ShouldContain("Please contact me by 1:00 pm on");
        notice.RenderedText.ShouldContain("a hold on all your pending orders");
        notice.RenderedText.ShouldContain(DefaultPolicy.Policy.Citation);

        var hold = s.Of<CreditHoldPlaced>().ShouldHaveSingleItem();
        var holdObligation = s.Of<ObligationRecorded>().First();
        hold.PlacedAt.ShouldBe(holdObligation.Deadline);
        hold.PlacedAt.ShouldBe(notice.SentAt.AddHours(48));

        s.Of<EscalatedToAgency>().ShouldHaveSingleItem().Agency.ShouldBe("Northwind Recoveries Ltd");
        s.Of<ObligationFulfilled>().Count().ShouldBe(2);
        s.Of<DunningCompleted>().ShouldHaveSingleItem();
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void the_contact_and_the_sender_both_climb_the_ladder()
    {
        var s = PastDueAccount();
        s.RunSendingNoticesAtOnce(s.Now.AddDays(120));
        var messages = s.Of<ReminderSent>().ToDictionary(r => r.StepId);
        messages["reminder-letter"].Sender.ShouldStartWith("Sam Porter");
        messages["controller-email"].RecipientRole.ShouldBe(ContactRole.Controller);
        messages["controller-email"].Sender.ShouldStartWith("Dana Whitfield");
        messages["last-chance"].RecipientRole.ShouldBe(ContactRole.Owner);
        messages["last-chance"].Channel.ShouldBe(Channel.CertifiedLetter);
    }

    [Fact]
    public void a_first_time_late_payer_who_pays_after_the_first_reminder_hears_nothing_more()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Now.AddDays(2));
        s.Pay(1200m);
        s.RunUntil(s.Now.AddDays(120));

        StepsRun(s).ShouldBe(["reminder-letter"]);
        s.Emails.ShouldBeEmpty();
        s.Of<DunningCompleted>().ShouldHaveSingleItem().Reason.ShouldContain("paid");
    }

    [Fact]
    public void a_chronic_late_payer_gets_the_firm_ladder()
    {
        var history = new object[]
        {
            new InvoiceIssued("OLD-1", new Money(100m, "EUR"), Today.AddDays(-200), Today.AddDays(-170), null),
            new PaymentReceived("P-OLD-1", new Money(100m, "EUR"), Now.AddDays(-150), [new PaymentAllocation("OLD-1", 100m)], 0, null),
            new InvoiceIssued("OLD-2", new Money(100m, "EUR"), Today.AddDays(-120), Today.AddDays(-90), null),
            new PaymentReceived("P-OLD-2", new Money(100m, "EUR"), Now.AddDays(-60), [new PaymentAllocation("OLD-2", 100m)], 0, null)
        };
        var s = PastDueAccount(history: history);
        s.RunSendingNoticesAtOnce(s.Now.AddDays(30));

        s.Of<DunningStarted>().ShouldHaveSingleItem().Segment.ShouldBe(CollectionSegment.ChronicLatePayer);
        var first = s.Of<ReminderSent>().First();
        first.Template.ShouldBe("firm-letter");
        first.RenderedText.ShouldContain("not the first time");
        s.Of<ReminderSent>().Single(r => r.StepId == "final-notice").Channel.ShouldBe(Channel.CertifiedLetter);
    }

    [Fact]
    public void a_large_balance_gets_the_high_value_ladder() =>
        PastDueAccount(amount: 40_000m).Account.Dunning!.Segment.ShouldBe(CollectionSegment.HighValue);

    [Fact]
    public void a_broken_promise_is_recorded_and_the_ladder_resumes_firmer()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Now.AddDays(5)); // letter and friendly email
        s.Promise(1200m, Due.AddDays(15));
        s.RunUntil(s.Now.AddDays(9));
        s.Of<ReminderSent>().Count().ShouldBe(2); // paused: nothing sent while the promise stands

        s.RunUntil(s.Now.AddDays(3)); // promised date + 2 days grace passed, nothing paid
        s.Of<PromiseBroken>().ShouldHaveSingleItem().AmountShort.ShouldBe(new Money(1200m, "EUR"));
        s.RunUntil(s.Now.AddDays(1));

        // The first call is skipped: after a broken promise the ladder goes straight to the controller.
        StepsRun(s).ShouldBe(["reminder-letter", "friendly-email", "controller-email"]);
        s.Account.PromisesBroken.ShouldBe(1);
    }

    [Fact]
    public void a_kept_promise_ends_the_escalation()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Now.AddDays(5));
        s.Promise(1200m, Due.AddDays(15));
        s.RunUntil(s.Account.At(Due.AddDays(14), new TimeOnly(12, 0)));
        s.Pay(1200m);

        s.Of<PromiseKept>().ShouldHaveSingleItem();
        s.Completed.ShouldBeTrue();
        s.Of<PromiseBroken>().ShouldBeEmpty();
    }

    [Fact]
    public void a_promise_after_a_final_notice_cancels_its_consequence_with_the_reason()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Account.At(Due.AddDays(28), new TimeOnly(14, 0))); // final notice went out at 13:00
        s.Of<ObligationRecorded>().ShouldHaveSingleItem();
        s.Promise(1200m, Due.AddDays(31));
        s.RunUntil(s.Now.AddDays(2));

        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.Of<ObligationCancelled>().ShouldHaveSingleItem().Reason.ShouldContain("promise PR-1");
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void after_a_cancelled_notice_the_consequence_is_announced_again_before_it_happens()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Account.At(Due.AddDays(28), new TimeOnly(14, 0)));
        s.Promise(1200m, Due.AddDays(31));
        s.RunUntil(s.Now.AddDays(10)); // promise broken, ladder resumes

        var notices = s.Of<ReminderSent>().Where(r => r.StepId == "final-notice").ToList();
        notices.Count.ShouldBe(2);
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(notices[1].SentAt.AddHours(48));
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void a_promise_never_releases_a_credit_hold()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Account.At(Due.AddDays(31), new TimeOnly(12, 0)));
        s.Account.CreditHold.ShouldNotBeNull();
        s.Promise(1200m, Due.AddDays(40));
        s.Account.CreditHold.ShouldNotBeNull();
        s.Account.Decide(new ReleaseCreditHold("debtor promised to pay"), Person("Morgan Hale"), s.Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "creditHold");

        s.Pay(1200m);
        s.Account.CreditHold.ShouldNotBeNull(); // the policy does not release on its own by default
        s.Account.Decide(new ReleaseCreditHold("paid in full"), Person("Morgan Hale"), s.Now).Events
            .ShouldHaveSingleItem().ShouldBeOfType<CreditHoldReleased>();
    }

    [Fact]
    public void a_dispute_pauses_everything_until_it_is_resolved()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Now.AddDays(2));
        var dispute = s.Dispute("INV-7");
        s.RunUntil(s.Now.AddDays(60));
        StepsRun(s).ShouldBe(["reminder-letter"]);
        s.Account.Dunning!.PausedFor!.ShouldContain("dispute D-1");

        s.Resolve(dispute);
        s.Of<DunningResumed>().ShouldHaveSingleItem().NextStepId.ShouldBe("friendly-email");
        s.RunUntil(s.Now.AddMinutes(1));
        StepsRun(s).ShouldBe(["reminder-letter", "friendly-email"]);
    }

    [Fact]
    public void a_partial_payment_leaves_the_rest_in_escalation()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Now.AddDays(5));
        s.Pay(700m);
        s.RunUntil(s.Now.AddDays(10));

        s.Completed.ShouldBeFalse();
        StepsRun(s).ShouldContain("first-call");
        var call = s.Of<CollectionTaskCreated>().Single(t => t.StepId == "first-call");
        call.Instructions.ShouldContain("500.00 EUR open");
    }

    [Fact]
    public void late_fees_quoted_from_the_contract_are_part_of_the_amount_due()
    {
        var s = PastDueAccount();
        s.RunUntil(s.Account.At(Due.AddDays(20), new TimeOnly(12, 0)));
        var email = s.Emails.Single(e => e.StepId == "controller-email");
        email.Body.ShouldContain("Under MSA-2024, a late fee of 5% applies to invoice INV-7 once it is more than 30 days past due.");
    }

    [Fact]
    public void an_opt_in_policy_releases_its_own_hold_on_full_payment()
    {
        var account = Opened("Europe/Berlin").With(new InvoiceIssued("INV-7", new Money(1200m, "EUR"), Due.AddDays(-30), Due, null));
        var s = new DunningSimulation(account, DefaultPolicy.Policy with { ReleaseHoldOnFullPayment = true });
        s.Start(account.StartOf(Due.AddDays(1)));
        s.RunUntil(s.Account.At(Due.AddDays(31), new TimeOnly(12, 0)));
        s.Account.CreditHold.ShouldNotBeNull();

        s.Pay(1200m);
        s.Of<CreditHoldReleased>().ShouldHaveSingleItem().ReleasedBy.ShouldBe(StepRunner.PolicyActor);
        s.Account.CreditHold.ShouldBeNull();
    }

    [Fact]
    public void days_are_counted_on_the_debtors_calendar_across_the_autumn_clock_change()
    {
        var due = new DateOnly(2026, 10, 24); // Europe/Berlin leaves summer time in the night to 25 October
        var account = Opened("Europe/Berlin").With(new InvoiceIssued("INV-9", new Money(100m, "EUR"), due.AddDays(-30), due, null));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(due.AddDays(1)));
        s.RunUntil(account.At(due.AddDays(10), new TimeOnly(12, 0)));

        var sent = s.Of<ReminderSent>().ToDictionary(r => r.StepId, r => account.Local(r.SentAt));
        sent["reminder-letter"].ShouldBe(new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.FromHours(1)));
        sent["friendly-email"].ShouldBe(new DateTimeOffset(2026, 10, 28, 10, 0, 0, TimeSpan.FromHours(1)));
    }
}

using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Invoicing;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>Promises outside the policy and payment plans on the default policy's gentle ladder, without a database.</summary>
public class ArrangementsOnTheLadder
{
    private static readonly DateOnly Due = new(2026, 10, 30);

    private static DunningSimulation PastDueAccount(params InvoiceIssued[] more)
    {
        var account = Opened("Europe/Berlin").With(new InvoiceIssued("INV-7", new Money(1200m, "EUR"), Due.AddDays(-30), Due, null));
        account.With(more);
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, "1 Hauptstrasse, Berlin"));
        account.Contacts.Add(new DebtorContact("own", "Otto Owner", ContactRole.Owner, "own@acme.test", null, "1 Main St, Berlin"));
        var simulation = new DunningSimulation(account, DefaultPolicy.EveryDayWorked);
        simulation.Start(account.StartOf(Due.AddDays(1)));
        return simulation;
    }

    private static DateTimeOffset Day(DunningSimulation s, int day, int hour = 12) => s.Account.At(Due.AddDays(day), new TimeOnly(hour, 0));

    private static IEnumerable<string> StepsRun(DunningSimulation s) =>
        s.Of<ReminderSent>().Select(r => r.StepId)
            .Concat(s.Of<CollectionTaskCreated>().Where(t => t.Channel == Channel.Phone).Select(t => t.StepId))
            .Concat(s.Of<CreditHoldPlaced>().Select(_ => "credit-hold"));

    [Fact]
    public void a_token_promise_far_out_does_not_cancel_the_announced_consequence()
    {
        var s = PastDueAccount();
        s.RunUntil(Day(s, 28, 14)); // the final notice went out at 13:00 on day 27
        s.Promise(1m, Due.AddDays(28 + 300));
        s.Of<PromiseReferredForApproval>().ShouldHaveSingleItem().Reasons.Count.ShouldBe(2);

        s.RunUntil(Day(s, 30));
        s.Of<DunningPaused>().ShouldBeEmpty();
        s.Of<ObligationCancelled>().ShouldBeEmpty();
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(s.Of<ObligationRecorded>().Single().Deadline);
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void a_credit_manager_approving_a_promise_outside_policy_pauses_the_escalation_and_cancels_the_consequence()
    {
        var s = PastDueAccount();
        s.RunUntil(Day(s, 28, 14));
        s.Promise(1m, Due.AddDays(28 + 300));
        s.Of<DunningPaused>().ShouldBeEmpty();

        s.Approve("PR-1");
        s.Of<PromiseApproved>().ShouldHaveSingleItem().ApprovedBy.ShouldBe("morgan.hale");
        s.Of<ObligationCancelled>().ShouldHaveSingleItem().Reason.ShouldContain("promise PR-1");
        s.Of<DunningPaused>().ShouldHaveSingleItem().Reason.ShouldContain("promise PR-1");
        var sent = s.Of<ReminderSent>().Count();
        s.RunUntil(Day(s, 120));
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.Of<ReminderSent>().Count().ShouldBe(sent);
    }

    [Fact]
    public void a_payment_plan_pauses_the_ladder_while_the_instalments_arrive_and_ends_it_when_paid()
    {
        var s = PastDueAccount();
        s.RunUntil(Day(s, 5)); // letter and friendly email
        s.AgreePlan((Due.AddDays(10), 400m), (Due.AddDays(20), 400m), (Due.AddDays(30), 400m));
        s.Of<DunningPaused>().ShouldHaveSingleItem().Reason.ShouldBe("payment plan PP-1: 3 instalment(s) to 2026-11-29");

        s.RunUntil(Day(s, 9));
        s.Pay(400m);
        s.RunUntil(Day(s, 19));
        s.Pay(400m);
        s.RunUntil(Day(s, 29));
        // Each met instalment's check passed quietly; the third is checked at 00:00 on day 33 (its date, a day, two days' grace).
        s.Next!.At.ShouldBe(s.Account.StartOf(Due.AddDays(33)));
        s.Pay(400m);

        StepsRun(s).ShouldBe(["reminder-letter", "friendly-email"]);
        s.Of<PaymentPlanInstalmentMet>().Select(m => m.Number).ShouldBe([1, 2, 3]);
        s.Of<PaymentPlanCompleted>().ShouldHaveSingleItem();
        s.Of<PaymentPlanBroken>().ShouldBeEmpty();
        s.Completed.ShouldBeTrue();
    }

    [Fact]
    public void a_missed_instalment_breaks_the_plan_and_the_ladder_resumes_at_the_firmer_step()
    {
        var s = PastDueAccount();
        s.RunUntil(Day(s, 5));
        s.AgreePlan((Due.AddDays(10), 600m), (Due.AddDays(20), 600m));
        s.RunUntil(Day(s, 9));
        s.Pay(600m);
        s.RunUntil(Day(s, 29));

        var broken = s.Of<PaymentPlanBroken>().ShouldHaveSingleItem();
        broken.Number.ShouldBe(2);
        broken.AmountShort.ShouldBe(new Money(600m, "EUR"));
        broken.BrokenAt.ShouldBe(s.Account.StartOf(Due.AddDays(23)));
        s.Of<DunningResumed>().ShouldHaveSingleItem().NextStepId.ShouldBe("controller-email");
        // The first call is skipped: a broken plan is a broken promise.
        StepsRun(s).ShouldBe(["reminder-letter", "friendly-email", "controller-email"]);
        s.Of<ReminderSent>().Last().SentAt.ShouldBe(broken.BrokenAt);
        s.Account.PaymentPlansBroken.ShouldBe(1);
    }

    [Fact]
    public void a_plan_agreed_after_a_final_notice_cancels_its_consequence_and_a_broken_one_announces_it_again()
    {
        var s = PastDueAccount();
        s.RunUntil(Day(s, 28, 14));
        s.AgreePlan((Due.AddDays(35), 1200m));
        s.Of<ObligationCancelled>().ShouldHaveSingleItem().Reason.ShouldBe("payment plan PP-1 agreed");

        s.RunUntil(Day(s, 45));
        s.Of<PaymentPlanBroken>().ShouldHaveSingleItem();
        var notices = s.Of<ReminderSent>().Where(r => r.StepId == "final-notice").ToList();
        notices.Count.ShouldBe(2);
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(notices[1].SentAt.AddHours(48));
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void a_payment_plan_never_releases_a_credit_hold()
    {
        var s = PastDueAccount();
        s.RunUntil(Day(s, 31));
        s.Account.CreditHold.ShouldNotBeNull();
        s.AgreePlan((Due.AddDays(40), 600m), (Due.AddDays(50), 600m));
        s.Account.Decide(new ReleaseCreditHold("a plan is agreed"), Person("morgan.hale"), s.Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "creditHold");

        s.RunUntil(Day(s, 39));
        s.Pay(600m);
        s.RunUntil(Day(s, 49));
        s.Pay(600m);

        StepsRun(s).ShouldNotContain("last-chance");
        s.Of<PaymentPlanCompleted>().ShouldHaveSingleItem();
        s.Completed.ShouldBeTrue();
        s.Of<CreditHoldReleased>().ShouldBeEmpty();
        s.Account.CreditHold.ShouldNotBeNull();
    }

    [Fact]
    public void a_plan_paid_off_while_a_later_invoice_is_past_due_lets_the_ladder_resume_where_it_stopped()
    {
        var s = PastDueAccount(new InvoiceIssued("INV-8", new Money(300m, "EUR"), Due.AddDays(-24), Due.AddDays(6), null));
        s.RunUntil(Day(s, 5));
        s.AgreePlan((Due.AddDays(10), 1200m));
        s.RunUntil(Day(s, 9)); // INV-8 fell due on day 7
        s.Pay(1200m);

        s.Of<PaymentPlanCompleted>().ShouldHaveSingleItem();
        var resumed = s.Of<DunningResumed>().ShouldHaveSingleItem();
        resumed.Reason.ShouldBe("payment plan PP-1 completed, but 300.00 EUR is still past due");
        resumed.NextStepId.ShouldBe("first-call");
        s.RunUntil(Day(s, 9, 13));
        StepsRun(s).ShouldContain("first-call");
    }

    [Fact]
    public void a_broken_plan_counts_towards_a_chronic_late_payer()
    {
        var account = Opened().With(
            new InvoiceIssued("OLD-1", new Money(100m, "EUR"), Today.AddDays(-200), Today.AddDays(-170), null),
            new PaymentReceived("P-OLD-1", new Money(100m, "EUR"), Now.AddDays(-150), [new PaymentAllocation("OLD-1", 100m)], 0, null),
            new PaymentPlanAgreed("PP-1", "EUR", [new PlanInstalment(Today.AddDays(-60), 100m)], new Money(100m, "EUR"), "morgan.hale",
                null, Now.AddDays(-90)),
            new PaymentPlanBroken("PP-1", 1, Today.AddDays(-60), new Money(100m, "EUR"), Now.AddDays(-57)),
            Invoice("INV-1", 300m, Today.AddDays(-3)));

        var choice = Segmentation.Choose(account, DefaultPolicy.Policy, Now);
        choice.Segment.ShouldBe(CollectionSegment.ChronicLatePayer);
        choice.Reason.ShouldContain("1 payment plan(s) broken");
    }
}

using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Invoicing;
using Collections.Domain.Orders;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>
/// One notion of an accepted arrangement (<see cref="Arrangements"/>) wherever something waits on one: a final notice's
/// consequence, its follow-up after the debtor got in touch, a notice waiting to be posted, disputes, the order check.
/// </summary>
public class ArrangementsAgainstNoticesAndDisputes
{
    private static readonly DateOnly Due = new(2026, 10, 30);

    /// <summary>The gentle ladder: its final notice is an email at 13:00 on day 27, with 48 hours and a credit hold.</summary>
    private static DunningSimulation FirstTimeLatePayer()
    {
        var account = Opened("Europe/Berlin").With(new InvoiceIssued("INV-7", new Money(1200m, "EUR"), Due.AddDays(-30), Due, null));
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, "1 Hauptstrasse, Berlin"));
        var s = new DunningSimulation(account, DefaultPolicy.EveryDayWorked);
        s.Start(account.StartOf(Due.AddDays(1)));
        return s;
    }

    /// <summary>The firm ladder: its final notice goes by certified letter, which a person posts.</summary>
    private static DunningSimulation ChronicLatePayer()
    {
        var account = Opened("Europe/Berlin").With(
            new InvoiceIssued("OLD-1", new Money(100m, "EUR"), Today.AddDays(-200), Today.AddDays(-170), null),
            new PaymentReceived("P-OLD-1", new Money(100m, "EUR"), Now.AddDays(-150), [new PaymentAllocation("OLD-1", 100m)], 0, null),
            new InvoiceIssued("OLD-2", new Money(100m, "EUR"), Today.AddDays(-120), Today.AddDays(-90), null),
            new PaymentReceived("P-OLD-2", new Money(100m, "EUR"), Now.AddDays(-60), [new PaymentAllocation("OLD-2", 100m)], 0, null),
            new InvoiceIssued("INV-7", new Money(1200m, "EUR"), Due.AddDays(-30), Due, null));
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, "1 Hauptstrasse, Berlin"));
        var s = new DunningSimulation(account, DefaultPolicy.EveryDayWorked);
        s.Start(account.StartOf(Due.AddDays(1)));
        return s;
    }

    /// <summary>The notice is out and the debtor called before its deadline: the hold waits for the follow-up.</summary>
    private static ObligationSuspended HeardFromBeforeTheDeadline(DunningSimulation s)
    {
        s.RunUntil(s.Account.At(Due.AddDays(28), new TimeOnly(14, 0)));
        var obligation = s.Of<ObligationRecorded>().ShouldHaveSingleItem();
        s.RunUntil(obligation.Deadline.AddHours(-1));
        s.LogContact(Channel.Phone, ContactDirection.Inbound, ContactOutcome.PromisedToPay);
        return s.Of<ObligationSuspended>().ShouldHaveSingleItem();
    }

    /// <summary>1.00 of 1,200 past due, 300 days out: outside both of the default policy's promise rules.</summary>
    private static void TokenPromise(DunningSimulation s) => s.Promise(1m, s.Account.Today(s.Now).AddDays(300));

    [Fact]
    public void a_promise_outside_the_rules_during_the_follow_up_does_not_stop_the_consequence()
    {
        var s = FirstTimeLatePayer();
        var held = HeardFromBeforeTheDeadline(s);
        s.RunUntil(held.FollowUpUntil.AddHours(-6));
        TokenPromise(s);
        s.Of<PromiseReferredForApproval>().ShouldHaveSingleItem();

        s.RunUntil(held.FollowUpUntil.AddMinutes(1));
        s.Of<ObligationCancelled>().ShouldBeEmpty();
        s.Of<DunningPaused>().ShouldBeEmpty();
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(held.FollowUpUntil);
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void approving_that_promise_within_the_follow_up_cancels_the_consequence()
    {
        var s = FirstTimeLatePayer();
        var held = HeardFromBeforeTheDeadline(s);
        s.RunUntil(held.FollowUpUntil.AddHours(-6));
        TokenPromise(s);
        s.Approve("PR-1");

        s.Of<ObligationCancelled>().ShouldHaveSingleItem().Reason.ShouldStartWith("promise PR-1");
        s.RunUntil(held.FollowUpUntil.AddDays(5));
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
    }

    [Fact]
    public void a_plan_agreed_during_the_follow_up_cancels_the_consequence()
    {
        var s = FirstTimeLatePayer();
        var held = HeardFromBeforeTheDeadline(s);
        s.RunUntil(held.FollowUpUntil.AddHours(-6));
        s.AgreePlan((Due.AddDays(40), 600m), (Due.AddDays(60), 600m));

        s.Of<ObligationCancelled>().ShouldHaveSingleItem().Reason.ShouldBe("payment plan PP-1 agreed");
        s.RunUntil(held.FollowUpUntil.AddDays(5));
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.Account.Dunning!.PausedFor.ShouldNotBeNull().ShouldStartWith("payment plan PP-1");
    }

    [Fact]
    public void a_notice_waiting_to_be_posted_stays_for_a_promise_outside_the_rules_and_is_withdrawn_for_a_plan()
    {
        var s = ChronicLatePayer();
        s.RunUntil(s.Now.AddDays(12));
        var waiting = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();

        TokenPromise(s);
        s.Of<FinalNoticeWithdrawn>().ShouldBeEmpty();
        s.Account.NoticesAwaitingDispatch.ShouldBe([waiting.TaskId]);

        s.AgreePlan((s.Account.Today(s.Now).AddDays(10), 1200m));
        s.Of<PromiseSuperseded>().ShouldHaveSingleItem().SupersededBy.ShouldBe("PP-1");
        s.Of<FinalNoticeWithdrawn>().ShouldHaveSingleItem().Reason.ShouldBe("payment plan PP-1 agreed");
        s.Account.NoticesAwaitingDispatch.ShouldBeEmpty();
    }

    [Fact]
    public void an_awaited_plan_holds_the_ladder_through_a_dispute_and_a_missed_instalment_then_waits_for_the_review()
    {
        var s = FirstTimeLatePayer();
        s.RunUntil(s.Account.At(Due.AddDays(5), new TimeOnly(12, 0)));
        s.AgreePlan((Due.AddDays(10), 600m), (Due.AddDays(20), 600m));
        var disputeId = s.Dispute("INV-7");

        s.Account.Dunning!.PausedFor.ShouldBe("payment plan PP-1: 2 instalment(s) to 2026-11-19");
        s.Process!.WakeDueAt.ShouldBe(s.Account.StartOf(Due.AddDays(13))); // the first instalment's check, grace included

        s.RunUntil(s.Account.StartOf(Due.AddDays(14)));
        s.Of<PaymentPlanBroken>().ShouldHaveSingleItem().Number.ShouldBe(1);
        s.Of<DunningResumed>().ShouldBeEmpty(); // everything past due is under review: the ladder waits for that instead
        s.Account.Dunning!.PausedFor.ShouldNotBeNull().ShouldStartWith("everything past due is under review");

        s.Resolve(disputeId);
        s.Of<DunningResumed>().ShouldHaveSingleItem().NextStepId.ShouldBe("controller-email"); // firmer, as after a broken promise
    }

    [Fact]
    public void the_order_check_lets_orders_ship_for_an_accepted_promise_or_an_open_plan_and_not_for_one_awaiting_approval()
    {
        var rules = DefaultPolicy.Policy.Orders;
        var late = () => Opened().With(Invoice("INV-1", 1200m, Today.AddDays(-20)));

        var awaiting = late();
        awaiting.With(awaiting.Decide(new RecordPromise(1m, "EUR", Today.AddDays(300), null, null), Person("collector-1"), Now,
            DefaultPolicy.Policy.Promises));
        awaiting.MayPlaceOrders(rules, Now).Rule.ShouldBe(OrderStop.PastDue);
        awaiting.MayPlaceOrders(rules, Now).Reason.ShouldEndWith("and no accepted promise to pay or payment plan.");
        awaiting.With(awaiting.Decide("PR-1", new ApprovePromise("parent company guarantees it"), Person("morgan.hale"), Now));
        awaiting.MayPlaceOrders(rules, Now).ShouldBe(OrderAnswer.Ship);

        var planned = late();
        planned.With(planned.Decide(new AgreePaymentPlan("EUR", [new PlanInstalment(Today.AddDays(10), 1200m)], null),
            Person("morgan.hale"), DefaultPolicy.Policy.PaymentPlans, Now));
        planned.MayPlaceOrders(rules, Now.AddDays(11)).ShouldBe(OrderAnswer.Ship, "late within the grace: not broken yet");
        planned.With(planned.PaymentPlan!.BrokenOn(planned.PaymentPlan!.NextUnmet!, Now.AddDays(13)));
        planned.MayPlaceOrders(rules, Now.AddDays(13)).Rule.ShouldBe(OrderStop.PastDue);
    }

    [Fact]
    public void a_plan_and_a_promise_are_measured_on_what_is_chased_not_on_the_invoice_under_dispute()
    {
        var disputed = () =>
        {
            var account = Opened().With(Invoice("INV-1", 1000m, Today.AddDays(-20)), Invoice("INV-2", 1000m, Today.AddDays(-10)));
            return account.With(account.Decide(new RaiseDispute(["INV-2"], "goods damaged"), Person("collector-1"), Now));
        };

        var planned = disputed();
        var plan = planned.Decide(new AgreePaymentPlan("EUR", [new PlanInstalment(Today.AddDays(10), 1000m)], null),
            Person("morgan.hale"), DefaultPolicy.Policy.PaymentPlans, Now);
        plan.IsRejected.ShouldBeFalse(plan.Rejection?.Errors.Values.FirstOrDefault()?.FirstOrDefault());
        plan.Events.OfType<PaymentPlanAgreed>().ShouldHaveSingleItem().PastDue.Amount.ShouldBe(1000m);

        // Half of the 1,000.00 EUR chased holds by itself; the disputed 1,000.00 EUR does not raise the bar.
        var promised = disputed();
        promised.Decide(new RecordPromise(500m, "EUR", Today.AddDays(7), null, null), Person("collector-1"), Now,
            DefaultPolicy.Policy.Promises).Events.OfType<PromiseReferredForApproval>().ShouldBeEmpty();
    }

    [Fact]
    public void a_preview_copies_the_arrangements_too()
    {
        var promised = Opened().With(Invoice("INV-1", 1200m, Today.AddDays(-20)));
        promised.With(promised.Decide(new RecordPromise(1m, "EUR", Today.AddDays(300), null, null), Person("collector-1"), Now,
            DefaultPolicy.Policy.Promises));
        promised.With(promised.Decide("PR-1", new ApprovePromise("guaranteed"), Person("morgan.hale"), Now));
        promised.OpenPromise!.Acceptance.ShouldBe(PromiseAcceptance.Approved);

        var planned = Opened().With(Invoice("INV-1", 1200m, Today.AddDays(-20)));
        planned.With(planned.Decide(new AgreePaymentPlan("EUR", [new PlanInstalment(Today.AddDays(10), 600m),
            new PlanInstalment(Today.AddDays(20), 600m)], "by phone"), Person("morgan.hale"), DefaultPolicy.Policy.PaymentPlans, Now));
        planned.With(planned.Decide(new RecordPayment("PAY-1", 600m, "EUR", null, null, null), Now));
        planned.PaymentPlan!.Instalments[0].MetAt.ShouldNotBeNull();

        // The escalation decides on a preview (credit netted first): what it awaits must survive the copy.
        foreach (var account in new[] { promised, planned })
            System.Text.Json.JsonSerializer.Serialize(account.Preview([])).ShouldBe(System.Text.Json.JsonSerializer.Serialize(account));
    }
}

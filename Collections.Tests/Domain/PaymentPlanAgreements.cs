using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.WriteOffs;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>Agreeing a payment plan (what it must cover, within which limits) and how payments carry it to its end.</summary>
public class PaymentPlanAgreements
{
    private static readonly PaymentPlanRules SixWithinHalfAYear = new(6, TimeSpan.FromDays(180));

    private static DebtorAccount PastDue(decimal amount = 1200m) => Opened().With(Invoice("INV-1", amount, Today.AddDays(-10)));

    private static AgreePaymentPlan Plan(params (int Days, decimal Amount)[] instalments) =>
        new("EUR", instalments.Select(i => new PlanInstalment(Today.AddDays(i.Days), i.Amount)).ToList(), "agreed with the CFO");

    private static Decision Agree(DebtorAccount account, AgreePaymentPlan plan) =>
        account.Decide(plan, Person("morgan.hale"), SixWithinHalfAYear, Now);

    private static PaymentReceived Paid(DebtorAccount account, decimal amount, string currency = "EUR") =>
        account.Decide(new RecordPayment($"PAY-{account.Payments.Count + 1}", amount, currency, null, null, null), Now)
            .Events.OfType<PaymentReceived>().Single();

    [Fact]
    public void a_plan_covering_the_past_due_balance_within_the_policy_is_agreed_and_names_who_agreed_it()
    {
        var account = PastDue();
        var agreed = Agree(account, Plan((10, 400m), (40, 400m), (70, 400m))).Events.ShouldHaveSingleItem().ShouldBeOfType<PaymentPlanAgreed>();

        agreed.PlanId.ShouldBe("PP-1");
        agreed.AgreedBy.ShouldBe("morgan.hale");
        agreed.PastDue.ShouldBe(new Money(1200m, "EUR"));
        agreed.Instalments.Select(i => i.Amount).ShouldBe([400m, 400m, 400m]);

        var plan = account.With(agreed).PaymentPlan!;
        plan.IsOpen.ShouldBeTrue();
        plan.Instalments.Select(i => plan.StatusOf(i, Today)).ShouldAllBe(s => s == InstalmentStatus.Upcoming);
    }

    [Fact]
    public void a_plan_covers_what_is_owed_once_the_credit_on_the_account_is_set_against_it()
    {
        var account = PastDue().With(new PaymentReceived("PAY-0", new Money(500m, "EUR"), Now.AddDays(-30), [], 500m, null));

        var agreed = Agree(account, Plan((10, 350m), (40, 350m))).Events.ShouldHaveSingleItem().ShouldBeOfType<PaymentPlanAgreed>();
        agreed.PastDue.ShouldBe(new Money(700m, "EUR"));
        Agree(account, Plan((10, 300m), (40, 350m))).Rejection.ShouldNotBeNull().Errors["instalments"].ShouldHaveSingleItem()
            .ShouldContain("must cover the 700.00 EUR past due");
        Agree(account, Plan((10, 600m), (40, 600m))).Rejection.ShouldNotBeNull().Errors["instalments"].ShouldHaveSingleItem()
            .ShouldContain("more than the 700.00 EUR open");
    }

    [Fact]
    public void each_instalment_is_dated_in_order_from_today_and_fits_the_currency_and_every_fault_is_named()
    {
        var plan = new AgreePaymentPlan("EUR",
        [
            new PlanInstalment(Today.AddDays(-1), 400m),
            new PlanInstalment(Today.AddDays(20), 400.005m),
            new PlanInstalment(Today.AddDays(20), 400m),
            null!,
            new PlanInstalment(default, 0m)
        ], null);

        var rejection = Agree(PastDue(), plan).Rejection.ShouldNotBeNull();
        rejection.Kind.ShouldBe(RejectionKind.Invalid);
        rejection.Errors.Keys.ShouldBe(["instalments[0].dueDate", "instalments[1].amount", "instalments[2].dueDate", "instalments[3]",
            "instalments[4].dueDate", "instalments[4].amount"], ignoreOrder: true);
        rejection.Errors["instalments[2].dueDate"].ShouldHaveSingleItem().ShouldContain("must be after instalments[1].dueDate");
    }

    [Fact]
    public void a_plan_without_instalments_or_currency_is_refused()
    {
        var rejection = Agree(PastDue(), new AgreePaymentPlan("", null, null)).Rejection.ShouldNotBeNull();
        rejection.Errors.Keys.ShouldBe(["currency", "instalments"], ignoreOrder: true);
    }

    [Fact]
    public void a_plan_must_cover_the_whole_past_due_balance_and_not_more_than_is_open()
    {
        var account = PastDue();
        Agree(account, Plan((10, 600m), (40, 599.99m))).ShouldBeRejected(RejectionKind.NotAllowed, "instalments");
        Agree(account, Plan((10, 600m), (40, 600.01m))).ShouldBeRejected(RejectionKind.NotAllowed, "instalments");
    }

    [Fact]
    public void the_policy_limits_the_number_of_instalments_and_the_date_of_the_last()
    {
        var tooMany = Agree(PastDue(), Plan((1, 200m), (2, 200m), (3, 200m), (4, 200m), (5, 100m), (6, 100m), (7, 200m)));
        tooMany.ShouldBeRejected(RejectionKind.NotAllowed, "instalments");
        tooMany.Rejection!.Errors["instalments"].ShouldHaveSingleItem().ShouldContain("at most 6");

        Agree(PastDue(), Plan((10, 600m), (180, 600m))).IsRejected.ShouldBeFalse();
        Agree(PastDue(), Plan((10, 600m), (181, 600m))).ShouldBeRejected(RejectionKind.NotAllowed, "instalments[1].dueDate");
    }

    [Fact]
    public void a_plan_needs_a_past_due_balance_in_its_currency_and_none_in_another()
    {
        Agree(Opened().With(Invoice("INV-1", 1200m, Today.AddDays(10))), Plan((10, 1200m)))
            .ShouldBeRejected(RejectionKind.NotAllowed, "currency");

        var twoCurrencies = PastDue().With(Invoice("INV-2", 300m, Today.AddDays(-5), "GBP"));
        var refused = Agree(twoCurrencies, Plan((10, 1200m)));
        refused.ShouldBeRejected(RejectionKind.NotAllowed, "currency");
        refused.Rejection!.Errors["currency"].ShouldHaveSingleItem().ShouldContain("300.00 GBP is past due as well");
    }

    [Fact]
    public void one_plan_at_a_time_and_no_promise_beside_it()
    {
        var account = PastDue();
        account.With(Agree(account, Plan((10, 1200m))));

        Agree(account, Plan((20, 1200m))).ShouldBeRejected(RejectionKind.NotAllowed, "paymentPlan");
        account.Decide(new RecordPromise(1200m, "EUR", Today.AddDays(3), null, null), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "paymentPlan");
    }

    [Fact]
    public void a_plan_takes_the_place_of_a_standing_promise()
    {
        var account = PastDue();
        account.With(account.Decide(new RecordPromise(1200m, "EUR", Today.AddDays(3), null, null), Person("collector-1"), Now));

        var decision = Agree(account, Plan((10, 600m), (40, 600m)));
        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(PromiseSuperseded), typeof(PaymentPlanAgreed)]);
        account.With(decision).OpenPromise.ShouldBeNull();
        account.PromisesBroken.ShouldBe(0);
    }

    [Fact]
    public void a_promise_whose_date_passed_unpaid_is_broken_when_a_plan_is_agreed()
    {
        var account = PastDue();
        account.With(account.Decide(new RecordPromise(1200m, "EUR", Today, null, null), Person("collector-1"), Now));

        var decision = account.Decide(Plan((10, 600m), (40, 600m)), Person("morgan.hale"), SixWithinHalfAYear, Now.AddDays(2));
        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(PromiseBroken), typeof(PaymentPlanAgreed)]);
        account.With(decision).PromisesBroken.ShouldBe(1);
    }

    [Fact]
    public void payments_meet_instalments_cumulatively_and_the_last_completes_the_plan()
    {
        var account = PastDue();
        account.With(Agree(account, Plan((10, 400m), (40, 400m), (70, 400m))));

        var first = account.Decide(new RecordPayment("PAY-1", 500m, "EUR", null, null, null), Now);
        first.Events.OfType<PaymentPlanInstalmentMet>().Select(m => m.Number).ShouldBe([1]);
        account.With(first);

        var rest = account.Decide(new RecordPayment("PAY-2", 700m, "EUR", null, null, null), Now);
        rest.Events.OfType<PaymentPlanInstalmentMet>().Select(m => m.Number).ShouldBe([2, 3]);
        rest.Events.OfType<PaymentPlanCompleted>().ShouldHaveSingleItem().Paid.ShouldBe(new Money(1200m, "EUR"));
        var plan = account.With(rest).PaymentPlan!;
        plan.Status.ShouldBe(PaymentPlanStatus.Completed);
        plan.Instalments.Select(i => plan.StatusOf(i, Today)).ShouldAllBe(s => s == InstalmentStatus.Met);
    }

    [Fact]
    public void a_payment_in_another_currency_does_nothing_to_the_plan()
    {
        var account = PastDue().With(Invoice("INV-2", 500m, Today.AddDays(20), "GBP"));
        account.With(Agree(account, Plan((10, 1200m))));
        account.PaymentPlan.After(Paid(account, 500m, "GBP")).ShouldBeEmpty();
    }

    [Fact]
    public void a_written_off_account_has_no_arrangement_to_keep()
    {
        var account = PastDue();
        account.With(Agree(account, Plan((10, 1200m))));
        account.HasAcceptedArrangement().ShouldBeTrue();
        account.With(new AccountWrittenOff([new Money(1200m, "EUR")], "insolvent", "morgan.hale", Now));
        account.HasAcceptedArrangement().ShouldBeFalse();
    }

    [Fact]
    public void an_unpaid_instalment_past_its_date_is_late_and_the_plan_stands_until_it_is_recorded_broken()
    {
        var account = PastDue();
        account.With(Agree(account, Plan((10, 600m), (40, 600m))));
        account.With(account.Decide(new RecordPayment("PAY-1", 600m, "EUR", null, null, null), Now));
        var plan = account.PaymentPlan!;

        account.HasAcceptedArrangement().ShouldBeTrue();
        plan.StatusOf(plan.Instalments[1], Today.AddDays(41)).ShouldBe(InstalmentStatus.Late);
        account.HasAcceptedArrangement().ShouldBeTrue("an order service hears of the end from PaymentPlanBroken");

        var broken = plan.BrokenOn(plan.NextUnmet!, Now.AddDays(43));
        broken.Number.ShouldBe(2);
        broken.AmountShort.ShouldBe(new Money(600m, "EUR"));
        account.With(broken);
        plan.Instalments.Select(i => plan.StatusOf(i, Today.AddDays(43))).ShouldBe([InstalmentStatus.Met, InstalmentStatus.Missed]);
        account.HasAcceptedArrangement().ShouldBeFalse();
        account.PaymentPlansBroken.ShouldBe(1);
    }
}

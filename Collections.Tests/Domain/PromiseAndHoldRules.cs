using Collections.Domain.Common;
using Collections.Domain.CreditHolds;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

public class PromiseAndHoldRules
{
    private static RecordPromise Promise(decimal amount = 300m, DateOnly? date = null) =>
        new(amount, "EUR", date ?? Today.AddDays(7), "cfo", "Will pay after board meeting");

    [Fact]
    public void a_promise_needs_a_past_due_balance()
    {
        var notYetDue = Opened().With(Invoice("INV-1", 300m, Today.AddDays(10)));
        notYetDue.Decide(Promise(), Person("collector-1"), Now).ShouldBeRejected(RejectionKind.NotAllowed, "amount");
    }

    [Fact]
    public void a_promise_on_a_past_due_balance_is_recorded()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-10)));
        var made = account.Decide(Promise(), Person("collector-1"), Now).Events.ShouldHaveSingleItem().ShouldBeOfType<PromiseMade>();
        made.PromiseId.ShouldBe("PR-1");
        made.PromisedDate.ShouldBe(Today.AddDays(7));
    }

    [Fact]
    public void a_promise_date_cannot_be_in_the_past() =>
        Opened().With(Invoice("INV-1", 300m, Today.AddDays(-10)))
            .Decide(Promise(date: Today.AddDays(-1)), Person("collector-1"), Now).ShouldBeRejected(RejectionKind.Invalid, "promisedDate");

    [Fact]
    public void one_promise_is_open_at_a_time()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-10)));
        account.With(account.Decide(Promise(), Person("collector-1"), Now));
        account.Decide(Promise(), Person("collector-1"), Now).ShouldBeRejected(RejectionKind.NotAllowed, "promisedDate");
    }

    [Fact]
    public void a_new_promise_replaces_one_whose_date_passed_unpaid_and_records_it_broken()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-10)));
        account.With(account.Decide(Promise(date: Today), Person("collector-1"), Now));
        var later = Now.AddDays(3);

        var decision = account.Decide(Promise(date: Today.AddDays(10)), Person("collector-1"), later);
        decision.Events.OfType<PromiseBroken>().ShouldHaveSingleItem().PromiseId.ShouldBe("PR-1");
        decision.Events.OfType<PromiseMade>().ShouldHaveSingleItem().PromiseId.ShouldBe("PR-2");
    }

    [Fact]
    public void a_credit_hold_is_not_released_while_anything_is_past_due()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-10)),
            new CreditHoldPlaced("60 days late", "credit-manager", Now));
        account.With(account.Decide(Promise(), Person("collector-1"), Now));

        account.Decide(new ReleaseCreditHold("debtor promised"), Person("credit-manager"), Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "creditHold");
        account.CreditHold.ShouldNotBeNull();
    }

    [Fact]
    public void once_paid_a_person_may_release_the_hold()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-10)),
            new CreditHoldPlaced("60 days late", "credit-manager", Now));
        account.With(account.Decide(new RecordPayment("PAY-1", 300m, "EUR", null, null, null), Now));

        var released = account.Decide(new ReleaseCreditHold("paid in full"), Person("Maria Credit"), Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<CreditHoldReleased>();
        released.ReleasedBy.ShouldBe("Maria Credit");
    }

    [Fact]
    public void placing_a_hold_twice_changes_nothing()
    {
        var account = Opened().With(new CreditHoldPlaced("late", "credit-manager", Now));
        account.Decide(new PlaceCreditHold("late again"), Person("credit-manager"), Now).IsUnchanged.ShouldBeTrue();
    }
}

using Collections.Domain.Common;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Escalation;
using Collections.Domain.Orders;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.WriteOffs;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>The order check by the credit policy's <c>orders</c>: each answer names the rule that stops orders.</summary>
public class OrderCheckRules
{
    private static readonly OrderRules Policy = DefaultPolicy.Policy.Orders; // with the agency; more than 14 days past due

    [Fact]
    public void the_default_policy_stops_orders_with_the_agency_and_beyond_fourteen_days()
    {
        Policy.ShouldBe(new OrderRules(true, 14));
        DefaultPolicy.Policy.Orders.ShouldNotBe(OrderRules.HoldOrWriteOffOnly);
    }

    [Fact]
    public void an_account_past_due_within_the_limit_may_order()
    {
        var answer = Opened().With(Invoice("INV-1", 600m, Today.AddDays(-14))).MayPlaceOrders(Policy, Now);
        answer.ShouldBe(OrderAnswer.Ship);
    }

    [Fact]
    public void orders_stop_when_past_due_beyond_the_policys_days()
    {
        var account = Opened().With(Invoice("INV-1", 600m, Today.AddDays(-20)), Invoice("INV-2", 90m, Today.AddDays(-3)));
        var answer = account.MayPlaceOrders(Policy, Now);

        answer.MayPlaceOrders.ShouldBeFalse();
        answer.Rule.ShouldBe(OrderStop.PastDue);
        answer.Reason.ShouldBe("600.00 EUR more than 14 days past due (INV-1 20 days), and no accepted promise to pay or payment plan.");
        answer.Since.ShouldBe(account.StartOf(Today.AddDays(-20 + 15)));
    }

    [Fact]
    public void one_day_is_written_in_the_singular_in_the_reason()
    {
        Opened().With(Invoice("INV-1", 600m, Today.AddDays(-1))).MayPlaceOrders(new OrderRules(false, 0), Now).Reason
            .ShouldBe("600.00 EUR more than 0 days past due (INV-1 1 day), and no accepted promise to pay or payment plan.");
        Opened().With(Invoice("INV-1", 600m, Today.AddDays(-2))).MayPlaceOrders(new OrderRules(false, 1), Now).Reason
            .ShouldBe("600.00 EUR more than 1 day past due (INV-1 2 days), and no accepted promise to pay or payment plan.");
    }

    [Fact]
    public void a_policy_without_a_days_limit_lets_a_late_account_order()
    {
        var account = Opened().With(Invoice("INV-1", 600m, Today.AddDays(-200)));
        account.MayPlaceOrders(OrderRules.HoldOrWriteOffOnly, Now).ShouldBe(OrderAnswer.Ship);
    }

    [Fact]
    public void an_accepted_promise_lets_orders_ship_while_it_stands()
    {
        var account = Opened().With(Invoice("INV-1", 600m, Today.AddDays(-20)),
            new PromiseMade("PR-1", new Money(600m, "EUR"), Today.AddDays(5), null, "sam", null, Now));
        account.HasAcceptedArrangement().ShouldBeTrue();
        account.MayPlaceOrders(Policy, Now).MayPlaceOrders.ShouldBeTrue();

        account.With(new PromiseBroken("PR-1", new Money(600m, "EUR"), Now));
        account.HasAcceptedArrangement().ShouldBeFalse();
        account.MayPlaceOrders(Policy, Now).Rule.ShouldBe(OrderStop.PastDue);
    }

    [Fact]
    public void invoices_under_dispute_or_a_dunning_block_do_not_stop_orders()
    {
        var account = Opened().With(Invoice("INV-1", 600m, Today.AddDays(-20)), Invoice("INV-2", 400m, Today.AddDays(-30)));
        account.With(account.Decide(new RaiseDispute(["INV-1"], "wrong price"), Person("sam"), Now));
        account.MayPlaceOrders(Policy, Now).Reason.ShouldStartWith("400.00 EUR more than 14 days past due (INV-2 30 days)");

        account.With(account.Decide("INV-2", new PlaceDunningBlock("awaiting credit note", Today.AddDays(3)), Person("sam"), Now));
        account.MayPlaceOrders(Policy, Now).ShouldBe(OrderAnswer.Ship);
        account.MayPlaceOrders(Policy, account.StartOf(Today.AddDays(4))).Rule.ShouldBe(OrderStop.PastDue); // the block ran out
    }

    [Fact]
    public void orders_stop_for_an_account_with_the_agency_when_the_policy_says_so()
    {
        var account = Opened().With(Invoice("INV-1", 600m, Today.AddDays(-5)),
            new EscalatedToAgency("Northwind Recoveries Ltd", [new Money(600m, "EUR")], "maria", null, Now.AddDays(-1)));
        var answer = account.MayPlaceOrders(Policy, Now);
        answer.Rule.ShouldBe(OrderStop.WithAgency);
        answer.Reason.ShouldBe("With the collection agency Northwind Recoveries Ltd.");
        answer.Since.ShouldBe(Now.AddDays(-1));

        account.MayPlaceOrders(OrderRules.HoldOrWriteOffOnly, Now).MayPlaceOrders.ShouldBeTrue();
    }

    [Fact]
    public void a_credit_hold_and_a_write_off_always_stop_orders_and_the_hold_is_named_first()
    {
        var account = Opened().With(Invoice("INV-1", 600m, Today.AddDays(-40)),
            new CreditHoldPlaced("final notice not answered", "credit policy", Now.AddDays(-2)));
        var held = account.MayPlaceOrders(OrderRules.HoldOrWriteOffOnly, Now);
        held.ShouldBe(new OrderAnswer(false, OrderStop.CreditHold, "final notice not answered", Now.AddDays(-2)));
        account.MayPlaceOrders(Policy, Now).Rule.ShouldBe(OrderStop.CreditHold);

        var writtenOff = Opened().With(Invoice("INV-1", 600m, Today.AddDays(-40)),
            new AccountWrittenOff([new Money(600m, "EUR")], "insolvent", "maria", Now, null));
        writtenOff.MayPlaceOrders(OrderRules.HoldOrWriteOffOnly, Now)
            .ShouldBe(new OrderAnswer(false, OrderStop.WrittenOff, "Written off: insolvent", Now));
    }

    [Fact]
    public void the_moment_an_invoice_passes_the_limit_is_recorded_once_if_it_is_still_open()
    {
        var account = Opened("Europe/Berlin").With(Invoice("INV-1", 600m, Today), Invoice("INV-2", 50m, Today));
        var at = account.PassesAt("INV-1", Policy)!.Value;
        at.ShouldBe(account.StartOf(Today.AddDays(15)));
        account.PassesAt("INV-1", OrderRules.HoldOrWriteOffOnly).ShouldBeNull();

        account.DecideOrderLimit("INV-1", Policy, at.AddTicks(-1)).IsUnchanged.ShouldBeTrue();
        var passed = account.DecideOrderLimit("INV-1", Policy, at).Events.ShouldHaveSingleItem().ShouldBeOfType<InvoicePassedOrderLimit>();
        passed.LimitDays.ShouldBe(14);
        account.With(passed);
        account.DecideOrderLimit("INV-1", Policy, at.AddDays(1)).IsUnchanged.ShouldBeTrue();

        account.With(new PaymentReceived("P-1", new Money(50m, "EUR"), Now, [new PaymentAllocation("INV-2", 50m)], 0, null));
        account.DecideOrderLimit("INV-2", Policy, at).IsUnchanged.ShouldBeTrue(); // paid in time: no stop to tell of
    }
}

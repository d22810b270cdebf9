using Collections.Domain.Common;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

public class PaymentRules
{
    private static Collections.Domain.Accounts.DebtorAccount Account => Opened().With(
        Invoice("INV-OLD", 300m, Today.AddDays(-60)),
        Invoice("INV-NEW", 500m, Today.AddDays(-5)),
        Invoice("INV-USD", 700m, Today.AddDays(-90), "USD"));

    private static RecordPayment Payment(decimal amount, string currency = "EUR", string id = "PAY-1",
        IReadOnlyList<PaymentAllocation>? appliedTo = null) =>
        new(id, amount, currency, null, appliedTo, "bank ref 1");

    [Fact]
    public void a_payment_goes_to_the_oldest_due_invoice_of_its_currency_first()
    {
        var received = Account.Decide(Payment(400m), Now).Events.ShouldHaveSingleItem().ShouldBeOfType<PaymentReceived>();
        received.AppliedTo.ShouldBe([new PaymentAllocation("INV-OLD", 300m), new PaymentAllocation("INV-NEW", 100m)]);
        received.Unapplied.ShouldBe(0m);
        received.ReceivedAt.ShouldBe(Now);
    }

    [Fact]
    public void a_payment_over_the_open_balance_is_kept_as_unapplied_credit()
    {
        var account = Account.With(Account.Decide(Payment(1000m), Now));
        account.FindInvoice("INV-OLD")!.Open.ShouldBe(0m);
        account.FindInvoice("INV-NEW")!.Open.ShouldBe(0m);
        account.UnappliedCredit["EUR"].ShouldBe(200m);
        account.FindInvoice("INV-USD")!.Open.ShouldBe(700m);
    }

    [Fact]
    public void a_payment_is_applied_in_its_own_currency_only() =>
        Account.Decide(Payment(100m, appliedTo: [new PaymentAllocation("INV-USD", 100m)]), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "appliedTo[0].invoiceNumber");

    [Fact]
    public void an_allocation_cannot_exceed_what_is_open_on_the_invoice() =>
        Account.Decide(Payment(400m, appliedTo: [new PaymentAllocation("INV-OLD", 400m)]), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "appliedTo[0].amount");

    [Fact]
    public void an_allocation_cannot_have_more_decimals_than_the_currency() =>
        Account.Decide(Payment(100m, appliedTo: [new PaymentAllocation("INV-OLD", 99.995m)]), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "appliedTo[0].amount");

    [Fact]
    public void allocations_cannot_exceed_the_payment() =>
        Account.Decide(Payment(100m, appliedTo: [new PaymentAllocation("INV-OLD", 200m)]), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "appliedTo");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void a_payment_amount_must_be_positive(decimal amount) =>
        Account.Decide(Payment(amount), Now).ShouldBeRejected(RejectionKind.Invalid, "amount");

    [Fact]
    public void the_same_payment_sent_twice_is_recorded_once()
    {
        var account = Account.With(Account.Decide(Payment(100m), Now));
        account.Decide(Payment(100m), Now).IsUnchanged.ShouldBeTrue();
        account.FindInvoice("INV-OLD")!.Open.ShouldBe(200m);
    }

    [Fact]
    public void a_retried_payment_is_recognised_even_when_its_allocation_no_longer_fits()
    {
        var payment = Payment(300m, appliedTo: [new PaymentAllocation("INV-OLD", 300m)]);
        var account = Account.With(Account.Decide(payment, Now));
        account.Decide(payment, Now).IsUnchanged.ShouldBeTrue();
    }

    [Fact]
    public void a_payment_id_reused_with_another_amount_conflicts()
    {
        var account = Account.With(Account.Decide(Payment(100m), Now));
        account.Decide(Payment(150m), Now).ShouldBeRejected(RejectionKind.Conflict, "paymentId");
    }

    [Fact]
    public void paying_what_was_promised_keeps_the_promise()
    {
        var account = Account;
        account.With(account.Decide(new RecordPromise(300m, "EUR", Today.AddDays(7), "cfo", null), Person("collector-1"), Now));

        account.Decide(Payment(100m, id: "PAY-A"), Now).Events.Count.ShouldBe(1);
        var partial = account.With(account.Decide(Payment(100m, id: "PAY-A"), Now));

        var rest = partial.Decide(Payment(200m, id: "PAY-B"), Now);
        rest.Events.OfType<PromiseKept>().ShouldHaveSingleItem().PromiseId.ShouldBe("PR-1");
        partial.With(rest).OpenPromise.ShouldBeNull();
    }
}

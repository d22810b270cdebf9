using Collections.Domain.Common;
using Collections.Domain.Disputes;
using Collections.Domain.Escalation;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

public class DisputeAndAgencyRules
{
    [Fact]
    public void a_dispute_names_invoices_of_the_account() =>
        Opened().With(Invoice("INV-1", 300m, Today))
            .Decide(new RaiseDispute(["INV-1", "INV-9"], "wrong price"), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "invoiceNumbers[1]");

    [Fact]
    public void an_invoice_is_in_one_open_dispute_at_a_time()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today));
        account.With(account.Decide(new RaiseDispute(["INV-1"], "wrong price"), Person("collector-1"), Now));
        account.Decide(new RaiseDispute(["INV-1"], "again"), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Conflict, "invoiceNumbers");
    }

    [Fact]
    public void a_resolved_dispute_is_closed()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today));
        account.With(account.Decide(new RaiseDispute(["INV-1"], "wrong price"), Person("collector-1"), Now));
        account.With(account.Decide("D-1", new ResolveDispute(DisputeOutcome.InFavourOfCreditor, "price is per contract"), Person("Maria"), Now));
        account.OpenDisputes.ShouldBeEmpty();
        account.Decide("D-1", new ResolveDispute(DisputeOutcome.InFavourOfCreditor, "again"), Person("Maria"), Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "disputeId");
    }

    [Fact]
    public void only_a_past_due_balance_is_referred_to_an_agency()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-100)), Invoice("INV-2", 50m, Today.AddDays(5)));
        var referred = account.Decide(new EscalateToAgency("Acme Recoveries", "no response"), Person("Maria"), Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<EscalatedToAgency>();
        referred.AmountsReferred.ShouldBe([new Money(300m, "EUR")]);

        Opened().With(Invoice("INV-2", 50m, Today.AddDays(5)))
            .Decide(new EscalateToAgency("Acme Recoveries", null), Person("Maria"), Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "agency");
    }
}

using Collections.Domain.Common;
using Collections.Domain.Invoicing;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

public class InvoicingRules
{
    private static IssueInvoice Issue(string number = "INV-1", decimal amount = 1200m, string currency = "EUR") =>
        new(number, amount, currency, Today.AddDays(-40), Today.AddDays(-10),
            new ContractTerms("MSA-2024", new LateFeeClause(5, 30)));

    [Fact]
    public void an_invoice_is_issued_in_one_currency()
    {
        var issued = Opened().Decide(Issue()).Events.ShouldHaveSingleItem().ShouldBeOfType<InvoiceIssued>();
        issued.Amount.ShouldBe(new Money(1200m, "EUR"));
        issued.Contract!.LateFee.ShouldBe(new LateFeeClause(5, 30));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void amounts_must_be_positive(decimal amount) =>
        Opened().Decide(Issue(amount: amount)).ShouldBeRejected(RejectionKind.Invalid, "amount");

    [Theory]
    [InlineData("XYZ")]
    [InlineData("eur")]
    [InlineData("")]
    public void currency_must_be_an_iso_code(string currency) =>
        Opened().Decide(Issue(currency: currency)).ShouldBeRejected(RejectionKind.Invalid, "currency");

    [Fact]
    public void amounts_cannot_have_more_decimals_than_the_currency() =>
        Opened().Decide(Issue(amount: 100.5m, currency: "JPY")).ShouldBeRejected(RejectionKind.Invalid, "amount");

    [Fact]
    public void the_due_date_cannot_precede_the_issue_date() =>
        Opened().Decide(Issue() with { DueDate = Today.AddDays(-50) }).ShouldBeRejected(RejectionKind.Invalid, "dueDate");

    [Fact]
    public void the_same_invoice_sent_twice_is_recorded_once()
    {
        var account = Opened().With(Opened().Decide(Issue()));
        account.Decide(Issue()).IsUnchanged.ShouldBeTrue();
    }

    [Fact]
    public void an_invoice_number_is_used_once()
    {
        var account = Opened().With(Opened().Decide(Issue()));
        account.Decide(Issue(amount: 999m)).ShouldBeRejected(RejectionKind.Conflict, "invoiceNumber");
    }

    [Fact]
    public void an_invoice_is_past_due_from_the_day_after_its_due_date_in_the_debtors_time_zone()
    {
        var account = Opened("America/New_York").With(Invoice("INV-1", 100m, new DateOnly(2026, 11, 22)));
        // 03:00 UTC on the 23rd is still the 22nd in New York: due today, not yet past due.
        account.PastDueBalance(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero)).ShouldBeEmpty();
        account.PastDueBalance(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero))
            .ShouldBe([new Money(100m, "EUR")]);
    }

    [Fact]
    public void late_fees_add_to_what_is_open()
    {
        var account = Opened().With(Invoice("INV-1", 1000m, Today.AddDays(-31)),
            new LateFeeApplied("INV-1", new Money(50m, "EUR"), "5% after 30 days past due", Now));
        account.FindInvoice("INV-1")!.Open.ShouldBe(1050m);
    }
}

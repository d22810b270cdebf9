using Collections.Domain.Escalation;
using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>The documented bounds (docs/api.md, "Input limits"), decided without a database.</summary>
public class InputLimitRules
{
    private static IssueInvoice Issue(decimal amount = 1200m) =>
        new("INV-1", amount, "EUR", Today.AddDays(-40), Today.AddDays(-10), null);

    [Fact]
    public void an_amount_is_at_most_ten_to_the_twelfth()
    {
        Opened().Decide(Issue(InputLimits.MaxAmount)).IsRejected.ShouldBeFalse();
        Opened().Decide(Issue(InputLimits.MaxAmount + 0.01m)).ShouldBeRejected(RejectionKind.Invalid, "amount");
        Opened().Decide(Issue(decimal.MaxValue)).ShouldBeRejected(RejectionKind.Invalid, "amount");
    }

    [Theory]
    [InlineData(9999, 12, 31, "dueDate")]
    [InlineData(2101, 1, 1, "dueDate")]
    [InlineData(1999, 12, 31, "issueDate")]
    public void dates_lie_between_2000_and_2100(int year, int month, int day, string field)
    {
        var date = new DateOnly(year, month, day);
        var command = field == "dueDate" ? Issue() with { DueDate = date } : Issue() with { IssueDate = date, DueDate = date };
        Opened().Decide(command).ShouldBeRejected(RejectionKind.Invalid, field);
    }

    [Fact]
    public void a_late_fee_waits_at_most_ten_years() =>
        Opened().Decide(Issue() with { Contract = new ContractTerms(null, new LateFeeClause(5, int.MaxValue)) })
            .ShouldBeRejected(RejectionKind.Invalid, "contract.lateFee.afterDaysPastDue");

    [Fact]
    public void huge_allocations_are_refused_without_overflowing_their_sum()
    {
        var account = Opened().With(Invoice("INV-1", 100m, Today.AddDays(-10)));
        var payment = new RecordPayment("P-1", 1m, "EUR", null,
            [new PaymentAllocation("INV-1", decimal.MaxValue), new PaymentAllocation("INV-1", decimal.MaxValue)], null);
        account.Decide(payment, Now).ShouldBeRejected(RejectionKind.Invalid, "appliedTo[0].amount");
    }

    [Fact]
    public void lists_have_a_maximum()
    {
        var account = Opened().With(Invoice("INV-1", 100m, Today.AddDays(-10)));
        account.Decide(new RaiseDispute(Enumerable.Repeat("INV-1", 101).ToList(), "damaged"), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "invoiceNumbers");
        var allocations = Enumerable.Repeat(new PaymentAllocation("INV-1", 1m), 101).ToList();
        account.Decide(new RecordPayment("P-1", 500m, "EUR", null, allocations, null), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "appliedTo");
        var contacts = Enumerable.Range(0, 21).Select(i => new DebtorContact($"c{i}", "Name", ContactRole.Cfo, "a@b.c", null, null)).ToList();
        OpenAccountDecision.Decide("ACME-1", new OpenAccount("Acme", null, "Europe/Berlin", new CreditTerms(30, null, "EUR"), contacts, null),
            null, People.Staff, Now).ShouldBeRejected(RejectionKind.Invalid, "contacts");
    }

    [Fact]
    public void names_are_one_line_and_free_text_may_break_lines()
    {
        Opened().Decide(new PlaceCreditHold("late\r\n\tsee ticket"), Person("collector-1"), Now).IsRejected.ShouldBeFalse();
        Opened().Decide(new EscalateToAgency("Northwind\nRecoveries", null), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "agency");
        Opened().Decide(new PlaceCreditHold(new string('x', InputLimits.Reason + 1)), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "reason");
        Opened().Decide(new EscalateToAgency(new string('x', InputLimits.Name + 1), null), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "agency");
    }
}

using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.Invoicing;

/// <summary>"A 5% late fee applies after 30 days": a percentage of the invoice amount, once, after the days past due.</summary>
public sealed record LateFeeClause(decimal Percent, int AfterDaysPastDue);

/// <param name="Reference">The contract the invoice falls under, quoted to the debtor.</param>
public sealed record ContractTerms(string? Reference, LateFeeClause? LateFee);

/// <param name="IssueDate">Calendar date in the debtor's time zone.</param>
/// <param name="DueDate">Calendar date in the debtor's time zone; the invoice is past due from the day after.</param>
public sealed record IssueInvoice(
    string InvoiceNumber,
    decimal Amount,
    string Currency,
    DateOnly IssueDate,
    DateOnly DueDate,
    ContractTerms? Contract,
    long? ExpectedVersion = null);

public sealed record InvoiceIssued(
    string InvoiceNumber,
    Money Amount,
    DateOnly IssueDate,
    DateOnly DueDate,
    ContractTerms? Contract);

public static class IssueInvoiceDecision
{
    public static Decision Decide(this DebtorAccount account, IssueInvoice command)
    {
        var check = new Validation()
            .Required(command.InvoiceNumber, "invoiceNumber")
            .Line(command.InvoiceNumber, InputLimits.Identifier, "invoiceNumber")
            .Currency(command.Currency, "currency")
            .Amount(command.Amount, command.Currency, "amount")
            .Date(command.IssueDate, "issueDate")
            .Date(command.DueDate, "dueDate")
            .When(command.DueDate < command.IssueDate, "dueDate", "must not be before the issue date.")
            .Line(command.Contract?.Reference, InputLimits.ContractReference, "contract.reference");
        if (command.Contract?.LateFee is { } fee)
        {
            check.When(fee.Percent is <= 0 or > 100, "contract.lateFee.percent", "must be above 0 and at most 100.")
                .When(fee.AfterDaysPastDue is < 0 or > InputLimits.MaxLateFeeDays, "contract.lateFee.afterDaysPastDue",
                    $"must be between 0 and {InputLimits.MaxLateFeeDays}.");
        }

        if (!check.IsValid) return check.Reject();

        var issued = new InvoiceIssued(command.InvoiceNumber, new Money(command.Amount, command.Currency),
            command.IssueDate, command.DueDate, command.Contract);

        return account.FindInvoice(command.InvoiceNumber) switch
        {
            null => account.RefuseIfWrittenOff() ?? Decision.Append(issued),
            var known when known.IsSameAs(issued) => Decision.Unchanged,
            _ => Decision.Conflict("invoiceNumber",
                $"Invoice {command.InvoiceNumber} was already issued on this account with other details.")
        };
    }
}

using Collections.Domain.Common;

namespace Collections.Domain.Invoicing;

/// <summary>An invoice as the account sees it now: what was billed, fees added, paid and written off.</summary>
public sealed class InvoiceState
{
    public string InvoiceNumber { get; set; } = "";
    public string Currency { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal LateFees { get; set; }
    public decimal Paid { get; set; }
    public decimal WrittenOff { get; set; }
    public DateOnly IssueDate { get; set; }
    public DateOnly DueDate { get; set; }
    public ContractTerms? Contract { get; set; }

    /// <summary>The debtor's date on which the invoice was paid in full; null while anything is open.</summary>
    public DateOnly? PaidOn { get; set; }

    /// <summary>Recorded (<c>InvoicePassedOrderLimit</c>) once it was more than the credit policy's order limit past due.</summary>
    public bool PassedOrderLimit { get; set; }

    public bool WasPaidLate => PaidOn > DueDate;

    public decimal Open => Amount + LateFees - Paid - WrittenOff;

    public bool IsPastDue(DateOnly today) => Open > 0 && today > DueDate;

    public int DaysPastDue(DateOnly today) => IsPastDue(today) ? today.DayNumber - DueDate.DayNumber : 0;

    public bool IsSameAs(InvoiceIssued issued) =>
        Amount == issued.Amount.Amount && Currency == issued.Amount.Currency && IssueDate == issued.IssueDate
        && DueDate == issued.DueDate && Contract == issued.Contract;
}

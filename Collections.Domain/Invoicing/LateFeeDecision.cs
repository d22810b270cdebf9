using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.Invoicing;

public static class LateFeeDecision
{
    /// <summary>
    /// "A 5% late fee applies after 30 days": once the invoice is more than the clause's days past due and still
    /// open, the fee (a percentage of the invoice amount, rounded to the currency) is added, once.
    /// </summary>
    public static Decision DecideLateFee(this DebtorAccount account, string invoiceNumber, DateTimeOffset now)
    {
        if (account.IsWrittenOff || account.FindInvoice(invoiceNumber) is not { Contract.LateFee: { } clause } invoice)
            return Decision.Unchanged;
        if (invoice.LateFees > 0 || invoice.DaysPastDue(account.Today(now)) <= clause.AfterDaysPastDue)
            return Decision.Unchanged;

        var fee = decimal.Round(invoice.Amount * clause.Percent / 100m, CurrencyCode.MinorUnits(invoice.Currency),
            MidpointRounding.AwayFromZero);
        return Decision.Append(new LateFeeApplied(invoiceNumber, new Money(fee, invoice.Currency),
            $"{clause.Percent}% after {Wording.Days(clause.AfterDaysPastDue)} past due ({invoice.Contract.Reference ?? "contract"})", now));
    }
}

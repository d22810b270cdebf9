using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Orders;

/// <summary>
/// An invoice became more than the policy's <c>orders.stopAfterDaysPastDue</c> days past due: the one change to the
/// order check that the clock makes, recorded so that an order service listening to events hears of it.
/// </summary>
public sealed record InvoicePassedOrderLimit(string InvoiceNumber, int LimitDays, DateTimeOffset PassedAt);

public static class OrderLimit
{
    /// <summary>00:00 (debtor's time) on the first day the invoice is more than the limit past due; null without a limit.</summary>
    public static DateTimeOffset? PassesAt(this DebtorAccount account, string invoiceNumber, OrderRules rules) =>
        rules.StopAfterDaysPastDue is { } days && account.FindInvoice(invoiceNumber) is { Open: > 0 } invoice
            ? account.StartOf(invoice.DueDate.AddDays(days + 1))
            : null;

    /// <summary>Recorded once per invoice, if it is still open and beyond the limit when its moment comes.</summary>
    public static Decision DecideOrderLimit(this DebtorAccount account, string invoiceNumber, OrderRules rules, DateTimeOffset now) =>
        rules.StopAfterDaysPastDue is { } days && account.FindInvoice(invoiceNumber) is { PassedOrderLimit: false } invoice
                                               && invoice.DaysPastDue(account.Today(now)) > days
            ? Decision.Append(new InvoicePassedOrderLimit(invoiceNumber, days, now))
            : Decision.Unchanged;
}

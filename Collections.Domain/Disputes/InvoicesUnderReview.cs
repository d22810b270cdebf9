using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Invoicing;

namespace Collections.Domain.Disputes;

/// <summary>
/// Invoices the escalation leaves alone for now: those an open dispute names, and those under a dunning block until
/// its end date. What is past due "for dunning purposes" is the rest: the balances asked for, the segment, the
/// invoices a message lists as owed, what a consequence is carried out on. A 50 EUR dispute leaves the other
/// 5,000 EUR in the escalation; only when nothing else is left does the escalation wait.
/// </summary>
public static class InvoicesUnderReview
{
    /// <summary>Why the invoice is out of the escalation now ("dispute D-1 is open"), or null when it is chased like any other.</summary>
    public static string? ReviewOf(this DebtorAccount account, string invoiceNumber, DateTimeOffset now) =>
        account.OpenDisputes.Find(d => d.InvoiceNumbers.Contains(invoiceNumber)) is { } dispute
            ? $"dispute {dispute.DisputeId} is open"
            : account.ActiveBlock(invoiceNumber, now) is { } block
                ? $"dunning block until {block.Until:yyyy-MM-dd}: {block.Reason}"
                : null;

    /// <summary>How a message to the debtor puts it: the dispute, or the block's end date, never a block's reason (a note of ours).</summary>
    public static string? ReviewInMessages(this DebtorAccount account, string invoiceNumber, DateTimeOffset now) =>
        account.OpenDisputes.Find(d => d.InvoiceNumbers.Contains(invoiceNumber)) is { } dispute
            ? $"under review (dispute {dispute.DisputeId})"
            : account.ActiveBlock(invoiceNumber, now) is { } block
                ? $"under review until {block.Until:yyyy-MM-dd}"
                : null;

    public static IEnumerable<InvoiceState> PastDueForDunning(this DebtorAccount account, DateTimeOffset now) =>
        account.PastDueInvoices(now).Where(i => account.ReviewOf(i.InvoiceNumber, now) is null);

    /// <summary>What the escalation chases in <paramref name="currency"/>: a promise's share and a plan's cover are measured on it.</summary>
    public static decimal PastDueForDunningIn(this DebtorAccount account, string currency, DateTimeOffset now) =>
        account.PastDueForDunning(now).Where(i => i.Currency == currency).Sum(i => i.Open);

    public static IReadOnlyList<Money> PastDueBalanceForDunning(this DebtorAccount account, DateTimeOffset now) =>
        DebtorAccount.SumByCurrency(account.PastDueForDunning(now));

    public static IEnumerable<InvoiceState> PastDueUnderReview(this DebtorAccount account, DateTimeOffset now) =>
        account.PastDueInvoices(now).Where(i => account.ReviewOf(i.InvoiceNumber, now) is not null);

    /// <summary>
    /// When something is past due and every such invoice is under review, why the escalation waits (the account's
    /// <c>dunning.pausedFor</c>); null when something is left to chase, or nothing is past due.
    /// </summary>
    public static string? EverythingUnderReview(this DebtorAccount account, DateTimeOffset now)
    {
        var pastDue = account.PastDueInvoices(now).OrderBy(i => i.DueDate).ToList();
        if (pastDue.Count == 0 || account.PastDueForDunning(now).Any()) return null;
        return "everything past due is under review: " +
               string.Join("; ", pastDue.Select(i => $"{i.InvoiceNumber} ({account.ReviewOf(i.InvoiceNumber, now)})"));
    }

    /// <summary>The first moment a past-due invoice comes back by itself: the earliest end of a block on an undisputed one.</summary>
    public static DateTimeOffset? FirstReviewEnd(this DebtorAccount account, DateTimeOffset now) =>
        account.PastDueInvoices(now)
            .Where(i => account.OpenDisputes.All(d => !d.InvoiceNumbers.Contains(i.InvoiceNumber)))
            .Select(i => account.ActiveBlock(i.InvoiceNumber, now)?.EndsAt)
            .Min();
}

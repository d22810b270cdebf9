using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Disputes;

namespace Collections.Domain.Payments;

/// <summary>
/// Sets the credit held on an account against what is past due, so that nobody is chased for money already paid:
/// the oldest credit first, to the past-due invoices of the same currency with the earliest due date first (as a
/// payment is applied). Invoices under review (an open dispute or a dunning block) are left alone: applying credit to
/// them would collect money the debtor contests, or that a credit note is about to take off.
/// </summary>
public static class CreditNetting
{
    public static IReadOnlyList<CreditApplied> Decide(DebtorAccount account, DateTimeOffset now)
    {
        if (account.Credits.Count == 0) return [];
        var owed = account.PastDueForDunning(now)
            .OrderBy(i => i.DueDate).ThenBy(i => i.IssueDate)
            .Select(i => new Owed(i.InvoiceNumber, i.Currency) { Left = i.Open }).ToList();

        var applied = new List<CreditApplied>();
        foreach (var credit in account.Credits.OrderBy(c => c.ReceivedAt))
        {
            var left = credit.Left.Amount;
            var allocations = new List<PaymentAllocation>();
            foreach (var invoice in owed.Where(o => o.Currency == credit.Left.Currency && o.Left > 0))
            {
                if (left == 0) break;
                var share = Math.Min(left, invoice.Left);
                allocations.Add(new PaymentAllocation(invoice.InvoiceNumber, share));
                invoice.Left -= share;
                left -= share;
            }

            if (allocations.Count > 0)
                applied.Add(new CreditApplied(credit.PaymentId, credit.Left with { Amount = credit.Left.Amount - left }, allocations, now));
        }

        return applied;
    }

    /// <summary>
    /// The account with its credit set against what is past due, as the escalation will see it: what a promise's share
    /// or a payment plan's cover is measured on, so that nobody arranges to pay money already held.
    /// </summary>
    public static DebtorAccount Netted(this DebtorAccount account, DateTimeOffset now) =>
        Decide(account, now) is { Count: > 0 } netting ? account.Preview(netting) : account;

    private sealed record Owed(string InvoiceNumber, string Currency)
    {
        public decimal Left { get; set; }
    }
}

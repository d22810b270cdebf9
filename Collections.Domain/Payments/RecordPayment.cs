using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Promises;

namespace Collections.Domain.Payments;

public sealed record PaymentAllocation(string InvoiceNumber, decimal Amount);

/// <param name="PaymentId">The payer's or bank's id: the same payment sent twice is recorded once.</param>
/// <param name="AppliedTo">How to apply the money; left out, it goes to the oldest due invoices first.</param>
public sealed record RecordPayment(
    string PaymentId,
    decimal Amount,
    string Currency,
    DateTimeOffset? ReceivedAt,
    IReadOnlyList<PaymentAllocation>? AppliedTo,
    string? Reference,
    long? ExpectedVersion = null);

/// <param name="Unapplied">What exceeded the open invoices: kept as credit on the account, never lost.</param>
public sealed record PaymentReceived(
    string PaymentId,
    Money Amount,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<PaymentAllocation> AppliedTo,
    decimal Unapplied,
    string? Reference);

public sealed record PaymentRecord(string PaymentId, Money Amount, DateTimeOffset ReceivedAt, string? Reference);

public static class RecordPaymentDecision
{
    public static Decision Decide(this DebtorAccount account, RecordPayment command, DateTimeOffset now)
    {
        var amount = new Money(command.Amount, command.Currency);
        // A retry is recognised before anything else: its allocations may no longer fit invoices it already paid.
        if (account.Payments.Find(p => p.PaymentId == command.PaymentId) is { } known)
        {
            return known.Amount == amount && known.Reference == command.Reference
                ? Decision.Unchanged
                : Decision.Conflict("paymentId", $"Payment {command.PaymentId} was already recorded with other details.");
        }

        var check = Validate(account, command, now);
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        var applied = command.AppliedTo is { Count: > 0 } chosen ? chosen : AllocateOldestFirst(account, amount);
        var received = new PaymentReceived(command.PaymentId, amount, command.ReceivedAt ?? now, applied,
            command.Amount - applied.Sum(a => a.Amount), command.Reference);

        var events = new List<object> { received };
        if (account.OpenPromise is { } promise && promise.IsKeptBy(received))
            events.Add(new PromiseKept(promise.PromiseId, received.ReceivedAt));
        events.AddRange(account.PaymentPlan.After(received));
        return Decision.Append([.. events]);
    }

    private static List<PaymentAllocation> AllocateOldestFirst(DebtorAccount account, Money payment)
    {
        var left = payment.Amount;
        var allocations = new List<PaymentAllocation>();
        foreach (var invoice in account.Invoices.Where(i => i.Currency == payment.Currency && i.Open > 0)
                     .OrderBy(i => i.DueDate).ThenBy(i => i.IssueDate))
        {
            if (left == 0) break;
            var share = Math.Min(left, invoice.Open);
            allocations.Add(new PaymentAllocation(invoice.InvoiceNumber, share));
            left -= share;
        }

        return allocations;
    }

    private static Validation Validate(DebtorAccount account, RecordPayment command, DateTimeOffset now)
    {
        var check = new Validation()
            .Required(command.PaymentId, "paymentId")
            .Line(command.PaymentId, InputLimits.Identifier, "paymentId")
            .Currency(command.Currency, "currency")
            .Amount(command.Amount, command.Currency, "amount")
            .Instant(command.ReceivedAt, now, "receivedAt")
            .Text(command.Reference, InputLimits.PaymentReference, "reference");

        var allocations = command.AppliedTo ?? [];
        check.Items(allocations.Count, InputLimits.Allocations, "appliedTo");
        if (allocations.Count > InputLimits.Allocations) return check;
        for (var i = 0; i < allocations.Count; i++)
        {
            var at = $"appliedTo[{i}]";
            if (allocations[i] is not { } allocation)
            {
                check.Add(at, "is required.");
                continue;
            }

            check.Amount(allocation.Amount, command.Currency, $"{at}.amount")
                .Line(allocation.InvoiceNumber, InputLimits.Identifier, $"{at}.invoiceNumber");
            var invoice = account.FindInvoice(allocation.InvoiceNumber ?? "");
            if (invoice is null)
                check.Add($"{at}.invoiceNumber", $"No invoice '{allocation.InvoiceNumber}' on this account.");
            else
                check.When(invoice.Currency != command.Currency, $"{at}.invoiceNumber",
                        $"Invoice {invoice.InvoiceNumber} is in {invoice.Currency}; a payment applies in one currency.")
                    .When(allocation.Amount > invoice.Open, $"{at}.amount",
                        $"exceeds the {invoice.Open} {invoice.Currency} open on invoice {invoice.InvoiceNumber}.");
        }

        return check
            .When(allocations.GroupBy(a => a?.InvoiceNumber).Any(g => g.Count() > 1), "appliedTo",
                "names an invoice more than once.")
            // Summed only within bounds: a decimal sum overflows near 7.9e28.
            .When(allocations.All(a => a is null || Math.Abs(a.Amount) <= InputLimits.MaxAmount)
                  && allocations.Sum(a => a?.Amount ?? 0) > command.Amount, "appliedTo",
                "applies more than the payment amount.");
    }
}

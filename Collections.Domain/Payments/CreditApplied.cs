using Collections.Domain.Common;

namespace Collections.Domain.Payments;

/// <summary>Credit left over from one payment, applied to past-due invoices of its currency (oldest first).</summary>
/// <param name="PaymentId">The payment whose unapplied remainder is used.</param>
/// <param name="Amount">The total applied from it now; <paramref name="AppliedTo"/> splits it by invoice.</param>
public sealed record CreditApplied(string PaymentId, Money Amount, IReadOnlyList<PaymentAllocation> AppliedTo,
    DateTimeOffset AppliedAt);

/// <summary>What is left unapplied of one payment, and when the money arrived.</summary>
public sealed record CreditOnAccount(string PaymentId, Money Left, DateTimeOffset ReceivedAt);

using Collections.Domain.Accounts;
using Collections.Domain.Currencies;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Payments;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>
/// The account the escalation decides on: its unapplied credit set against what is past due first
/// (<see cref="CreditNetting"/>), so no step ever goes out for money already held. Under the policy's
/// <c>unappliedCredit: apply</c> the credit is applied for good (<see cref="Events"/>, appended before the decision's
/// own); under <c>net</c> it is only counted.
/// </summary>
public sealed record NettedAccount(DebtorAccount Account, IReadOnlyList<CreditApplied> Netting, IReadOnlyList<object> Events)
{
    public static NettedAccount Of(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var netting = CreditNetting.Decide(account, now);
        if (netting.Count == 0) return new NettedAccount(account, [], []);
        return new NettedAccount(account.Preview(netting), netting,
            policy.UnappliedCredit == UnappliedCreditRule.Apply ? [.. netting] : []);
    }

    /// <summary>Why the escalation may end when nothing is left past due: the credit, if it was what settled it.</summary>
    public string Settled(string otherwise) => Netting.Count == 0
        ? otherwise
        : $"unapplied credit ({string.Join(", ", Netting.Select(n => $"{Measurement.Written(n.Amount)} of payment {n.PaymentId}"))}) " +
          (Events.Count > 0 ? "applied: nothing is past due" : "covers everything past due; the policy counts it without applying it");

    /// <summary>The decision taken on the netted account, with the credit applied before it.</summary>
    public ProcessResult Before(ProcessResult result) =>
        Events.Count == 0 ? result : result with { Events = [.. Events, .. result.Events] };
}

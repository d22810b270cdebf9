using Collections.Domain.Common;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>
/// The credit policy's four-eyes rule: a write-off of more than <see cref="SecondApprovalAbove"/> in a currency
/// needs a second, different credit manager. A currency the policy does not list always needs one.
/// </summary>
public sealed record WriteOffApproval(IReadOnlyDictionary<string, decimal> SecondApprovalAbove)
{
    /// <summary>Without a rule in the policy file, every write-off takes two people.</summary>
    public static readonly WriteOffApproval AlwaysTwo = new(new Dictionary<string, decimal>());

    public bool NeedsSecondApproval(IEnumerable<Money> amounts) =>
        amounts.Any(m => !SecondApprovalAbove.TryGetValue(m.Currency, out var limit) || m.Amount > limit);
}

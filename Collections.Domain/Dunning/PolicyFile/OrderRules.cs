using Collections.Domain.Common;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>
/// The credit policy's <c>orders</c>: when the order check tells an order service to stop shipping. A credit hold and a
/// write-off always stop orders (a final notice announces a hold as "a hold on all your pending orders"); the policy
/// adds an account with the collection agency, and one more than <see cref="StopAfterDaysPastDue"/> days past due
/// without an accepted arrangement to pay.
/// </summary>
/// <param name="StopAfterDaysPastDue">Null: being past due never stops orders by itself.</param>
public sealed record OrderRules(bool StopWithAgency, int? StopAfterDaysPastDue)
{
    /// <summary>Without <c>orders</c> in the policy file: a hold or a write-off, as before the section existed.</summary>
    public static readonly OrderRules HoldOrWriteOffOnly = new(false, null);

    internal static OrderRules From(OrderRulesFile? file, Action<string, string> error)
    {
        if (file is null) return HoldOrWriteOffOnly;
        if (file.StopAfterDaysPastDue is < 0 or > InputLimits.MaxLateFeeDays)
            error("$.orders.stopAfterDaysPastDue", $"must be between 0 and {InputLimits.MaxLateFeeDays} days.");
        return new OrderRules(file.StopWithAgency, file.StopAfterDaysPastDue);
    }
}

/// <summary>The <c>orders</c> section as written in the policy file.</summary>
internal sealed record OrderRulesFile(bool StopWithAgency = false, int? StopAfterDaysPastDue = null);

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>
/// The credit policy's bounds for a promise that pauses the escalation by itself: at least
/// <see cref="MinimumPercentOfPastDue"/> of what is past due in its currency, and a promised date no further off than
/// <see cref="MaximumHorizon"/>. A promise outside them is recorded, and waits for a credit manager's approval.
/// </summary>
/// <param name="MaximumHorizon">Null: any date.</param>
public sealed record PromiseRules(decimal MinimumPercentOfPastDue, TimeSpan? MaximumHorizon)
{
    /// <summary>Without <c>promises</c> in the policy file every promise is accepted, as before the rules existed.</summary>
    public static readonly PromiseRules None = new(0m, null);
}

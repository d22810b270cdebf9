namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>The credit policy's bounds for a payment plan: how many instalments, and how far off the last may fall.</summary>
public sealed record PaymentPlanRules(int MaximumInstalments, TimeSpan MaximumHorizon)
{
    /// <summary>Without <c>paymentPlans</c> in the policy file: twelve instalments within a year.</summary>
    public static readonly PaymentPlanRules Default = new(12, TimeSpan.FromDays(365));
}

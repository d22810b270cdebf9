using Collections.Domain.Common;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>The policy file's <c>promises</c> and <c>paymentPlans</c>: what a debtor may arrange without a credit manager.</summary>
public static partial class CreditPolicyParser
{
    private static PromiseRules BuildPromiseRules(PromisesFile? file, Action<string, string> error)
    {
        if (file is null) return PromiseRules.None;
        if (file.MinimumPercentOfPastDue is < 0 or > 100) error("$.promises.minimumPercentOfPastDue", "must be between 0 and 100.");
        return new PromiseRules(file.MinimumPercentOfPastDue ?? 0m,
            file.MaximumHorizon is { } horizon ? ParseHorizon(horizon, "$.promises.maximumHorizon", error) : null);
    }

    private static PaymentPlanRules BuildPaymentPlanRules(PaymentPlansFile? file, Action<string, string> error)
    {
        if (file is null) return PaymentPlanRules.Default;
        if (file.MaximumInstalments is < 1 or > InputLimits.Instalments)
            error("$.paymentPlans.maximumInstalments", $"must be between 1 and {InputLimits.Instalments}.");
        return new PaymentPlanRules(file.MaximumInstalments ?? PaymentPlanRules.Default.MaximumInstalments,
            file.MaximumHorizon is { } horizon
                ? ParseHorizon(horizon, "$.paymentPlans.maximumHorizon", error)
                : PaymentPlanRules.Default.MaximumHorizon);
    }

    /// <summary>How far ahead a date may lie: calendar days (or hours), the span a debtor is told, whatever the calendar.</summary>
    private static TimeSpan ParseHorizon(string text, string path, Action<string, string> error)
    {
        var duration = ParseDuration(text, path, error);
        if (duration.Unit == DurationUnit.Days) return TimeSpan.FromDays(duration.Amount);
        if (duration.Elapsed is { } elapsed) return elapsed;
        error(path, $"'{text}' counts working days; a horizon is in calendar days, like \"14d\".");
        return TimeSpan.Zero;
    }

    private sealed record PromisesFile(decimal? MinimumPercentOfPastDue, string? MaximumHorizon);

    private sealed record PaymentPlansFile(int? MaximumInstalments, string? MaximumHorizon);
}

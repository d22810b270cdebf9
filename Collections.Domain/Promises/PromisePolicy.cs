using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Promises;

public enum PromiseAcceptance
{
    /// <summary>Within the credit policy's promise rules: it pauses the escalation by itself.</summary>
    WithinPolicy = 1,

    /// <summary>Outside them: recorded, but the escalation goes on until a credit manager approves it.</summary>
    AwaitingApproval = 2,

    /// <summary>Outside them, and a credit manager approved it: it pauses the escalation.</summary>
    Approved = 3
}

/// <summary>
/// A token promise ("1.00 EUR of 10,000, in 300 days") must not stop the escalation: the credit policy names the
/// smallest share of the past-due balance and the furthest date a promise may have to hold it by itself.
/// </summary>
public static class PromisePolicy
{
    /// <param name="pastDue">What is past due in the promise's currency now, net of the credit on the account (zero asks no share).</param>
    /// <returns>Each rule the promise breaks, in words; empty when it keeps them all.</returns>
    public static IReadOnlyList<string> ReasonsOutside(this PromiseRules rules, DebtorAccount account, Money amount,
        decimal pastDue, DateOnly promisedDate, DateTimeOffset now)
    {
        var reasons = new List<string>();
        if (amount.Amount * 100 < rules.MinimumPercentOfPastDue * pastDue)
            reasons.Add($"{amount} is {amount.Amount * 100 / pastDue:0.##}% of the {new Money(pastDue, amount.Currency)} past due; " +
                        $"the policy asks for at least {rules.MinimumPercentOfPastDue:0.##}%.");
        if (rules.MaximumHorizon is { } horizon && promisedDate > account.LatestDate(horizon, now))
            reasons.Add($"{promisedDate:yyyy-MM-dd} is {promisedDate.DayNumber - account.Today(now).DayNumber} days away; " +
                        $"the policy allows dates up to {account.LatestDate(horizon, now):yyyy-MM-dd}.");
        return reasons;
    }

    /// <summary>The last debtor's date within <paramref name="horizon"/> from now ("14d": today in two weeks).</summary>
    public static DateOnly LatestDate(this DebtorAccount account, TimeSpan horizon, DateTimeOffset now) =>
        account.Today(account.After(now, horizon));
}

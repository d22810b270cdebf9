using Collections.Domain.Accounts;
using Collections.Domain.Currencies;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>The segment with its reason in words and the conversions the high-value threshold was measured at.</summary>
public sealed record SegmentChoice(CollectionSegment Segment, string Reason, IReadOnlyList<Conversion> Conversions);

public static class Segmentation
{
    public static string Describe(CollectionSegment segment) => segment switch
    {
        CollectionSegment.FirstTimeLatePayer => "first-time late payer",
        CollectionSegment.ChronicLatePayer => "chronic late payer",
        _ => "high-value"
    };

    /// <summary>
    /// Chronic late payers (invoices paid late within the look-back, plus promises and payment plans ever broken) get the firm ladder,
    /// whatever they owe; otherwise a large past-due balance gets the high-value ladder; everyone else is a
    /// first-time late payer and gets the gentle one. The past-due balance is measured in the threshold's currency,
    /// at the deployment's rates of today's (UTC) date; one that cannot be converted counts as high value.
    /// </summary>
    public static SegmentChoice Choose(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var since = account.Today(now).AddMonths(-policy.ChronicLookbackMonths);
        var latePayments = account.Invoices.Count(i => i.WasPaidLate && i.PaidOn >= since);
        if (latePayments + account.PromisesBroken + account.PaymentPlansBroken >= policy.LatePaymentsForChronic)
            return new SegmentChoice(CollectionSegment.ChronicLatePayer,
                $"{latePayments} invoice(s) paid late since {since:yyyy-MM-dd}, {account.PromisesBroken} promise(s) and " +
                $"{account.PaymentPlansBroken} payment plan(s) broken: at least {policy.LatePaymentsForChronic}", []);

        // What the ladder will chase decides; an escalation starting with everything under review goes by all past due.
        var chased = account.PastDueBalanceForDunning(now);
        var measured = Measurement.Of(chased.Count > 0 ? chased : account.PastDueBalance(now), policy.HighValuePastDue,
            policy.ExchangeRates, DateOnly.FromDateTime(now.UtcDateTime));
        return new SegmentChoice(measured.Reaches ? CollectionSegment.HighValue : CollectionSegment.FirstTimeLatePayer,
            $"past due {measured.Describe()}", measured.Conversions);
    }
}

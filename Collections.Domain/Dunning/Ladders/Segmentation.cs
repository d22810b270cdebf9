using Collections.Domain.Accounts;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Ladders;

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
    /// first-time late payer and gets the gentle one.
    /// </summary>
    public static CollectionSegment Classify(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var since = account.Today(now).AddMonths(-policy.ChronicLookbackMonths);
        var latePayments = account.Invoices.Count(i => i.WasPaidLate && i.PaidOn >= since);
        if (latePayments + account.PromisesBroken + account.PaymentPlansBroken >= policy.LatePaymentsForChronic)
            return CollectionSegment.ChronicLatePayer;

        return account.PastDueBalance(now).Any(m => m.Amount >= policy.HighValuePastDue)
            ? CollectionSegment.HighValue
            : CollectionSegment.FirstTimeLatePayer;
    }
}

using Collections.Domain.Accounts;
using Collections.Domain.PaymentPlans;

namespace Collections.Domain.Promises;

/// <summary>
/// What the debtor arranged to pay that the creditor accepted: a promise within the credit policy's promise rules or
/// approved by a credit manager, or a payment plan (always agreed by one). The one definition: the escalation awaits
/// these (and cancels an announced consequence for them), the order check lets orders ship while they stand.
/// </summary>
public static class Arrangements
{
    /// <summary>The open promise, if it counts: a promise awaiting approval holds nothing.</summary>
    public static PromiseState? AcceptedPromise(this DebtorAccount account) =>
        account.OpenPromise is { IsAccepted: true } promise ? promise : null;

    /// <summary>The payment plan in place, neither completed nor broken.</summary>
    public static PaymentPlanState? OpenPaymentPlan(this DebtorAccount account) =>
        account.PaymentPlan is { IsOpen: true } plan ? plan : null;

    /// <summary>
    /// Has the debtor an accepted arrangement: an accepted promise until it is kept, broken or superseded, or a payment
    /// plan until it is completed or broken. Each of those ends is recorded (the escalation breaks a promise or plan
    /// once the policy's grace has run out), so the answer changes only with an event, which an order service listening
    /// to events hears; the clock alone never changes it. A write-off leaves nothing to arrange.
    /// </summary>
    public static bool HasAcceptedArrangement(this DebtorAccount account) =>
        !account.IsWrittenOff && (account.AcceptedPromise() is not null || account.OpenPaymentPlan() is not null);
}

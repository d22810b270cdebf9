using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Orders;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.Tasks;
using Collections.Domain.WriteOffs;

namespace Collections.Domain.Accounts;

/// <summary>Every event an account stream can hold: what the event store registers and the public contract must cover.</summary>
public static class AccountEvents
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(AccountOpened), typeof(InvoiceIssued), typeof(LateFeeApplied), typeof(PaymentReceived), typeof(CreditApplied),
        typeof(ContactLogged), typeof(ReminderSent), typeof(PromiseMade), typeof(PromiseKept), typeof(PromiseBroken),
        typeof(DisputeRaised), typeof(DisputeResolved), typeof(CreditHoldPlaced), typeof(CreditHoldReleased),
        typeof(EscalatedToAgency), typeof(ReportedToCreditBureau), typeof(AccountWrittenOff), typeof(AccountReopened),
        typeof(WriteOffRequested), typeof(WriteOffDeclined),
        typeof(DunningStarted), typeof(DunningStepScheduled), typeof(DunningPaused), typeof(DunningResumed),
        typeof(DunningCompleted), typeof(CollectionTaskCreated), typeof(CollectionTaskCompleted),
        typeof(ObligationRecorded), typeof(ObligationFulfilled), typeof(ObligationCancelled), typeof(ObligationSuspended),
        typeof(FinalNoticeAwaitingDispatch), typeof(FinalNoticeWithdrawn),
        typeof(DunningBlockPlaced), typeof(DunningBlockLifted), typeof(DunningBlockEnded), typeof(InvoicePassedOrderLimit),
        typeof(RecipientSubstituted), typeof(ContactDetailsRequested), typeof(StepSkipped), typeof(ContactDetailsRecorded),
        typeof(PromiseReferredForApproval), typeof(PromiseApproved), typeof(PromiseSuperseded),
        typeof(PaymentPlanAgreed), typeof(PaymentPlanInstalmentMet), typeof(PaymentPlanBroken), typeof(PaymentPlanCompleted)
    ];
}

using Collections.Domain.PaymentPlans;
using Collections.Domain.Promises;

namespace Collections.Domain.Accounts;

/// <summary>What the debtor has arranged to pay: the approval of a promise outside the policy, and payment plans.</summary>
public sealed partial class DebtorAccount
{
    /// <summary>The latest payment plan, open or ended; null before the first.</summary>
    public PaymentPlanState? PaymentPlan { get; set; }

    public int PaymentPlansAgreed { get; set; }
    public int PaymentPlansBroken { get; set; }

    private void When(PromiseReferredForApproval e)
    {
        if (OpenPromise?.PromiseId == e.PromiseId) OpenPromise.OutsidePolicy = e.Reasons.ToList();
    }

    private void When(PromiseApproved e)
    {
        if (OpenPromise?.PromiseId != e.PromiseId) return;
        OpenPromise.ApprovedBy = e.ApprovedBy;
        OpenPromise.ApprovalNote = e.Note;
        OpenPromise.ApprovedAt = e.ApprovedAt;
    }

    private void When(PaymentPlanAgreed e)
    {
        PaymentPlan = new PaymentPlanState
        {
            PlanId = e.PlanId,
            Currency = e.Currency,
            Instalments = e.Instalments.Select((i, n) => new InstalmentState { Number = n + 1, DueDate = i.DueDate, Amount = i.Amount })
                .ToList(),
            PastDueWhenAgreed = e.PastDue.Amount,
            AgreedBy = e.AgreedBy,
            Note = e.Note,
            AgreedAt = e.AgreedAt
        };
        PaymentPlansAgreed++;
    }

    private void When(PaymentPlanInstalmentMet e)
    {
        if (PaymentPlan?.PlanId == e.PlanId) PaymentPlan.Instalments[e.Number - 1].MetAt = e.MetAt;
    }

    private void When(PaymentPlanBroken e)
    {
        if (PaymentPlan?.PlanId != e.PlanId) return;
        PaymentPlan.Instalments[e.Number - 1].Missed = true;
        PaymentPlan.Status = PaymentPlanStatus.Broken;
        PaymentPlan.EndedAt = e.BrokenAt;
        PaymentPlansBroken++;
    }

    private void When(PaymentPlanCompleted e)
    {
        if (PaymentPlan?.PlanId != e.PlanId) return;
        PaymentPlan.Status = PaymentPlanStatus.Completed;
        PaymentPlan.EndedAt = e.CompletedAt;
    }
}

using Collections.Domain.Accounts;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Promises;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>
/// The escalation while a payment plan stands: paused, waking at each unmet instalment's date plus the policy's
/// promise grace. A missed instalment breaks the plan and the ladder resumes as after a broken promise; a plan
/// paid off with something else still past due lets the ladder resume where it stopped. Like an awaited promise, the
/// plan holds the ladder whatever happens to disputes and dunning blocks meanwhile.
/// </summary>
public sealed partial class DunningProcess
{
    public string? PlanId { get; set; }

    /// <summary>When the plan's first unmet instalment is checked.</summary>
    public DateTimeOffset? PlanCheckAt { get; set; }

    public ProcessResult PaymentPlanAgreed(string planId, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (account.OpenPaymentPlan() is not { } plan || plan.PlanId != planId || PlanId == planId) return ProcessResult.Nothing;
        var events = CancelObligation($"payment plan {planId} agreed", now);
        PromiseId = null; // a standing promise gave way to the plan
        PromiseDueAt = null;
        AwaitPlan(plan, account, policy);
        PausedFor = $"payment plan {planId}: {plan.Instalments.Count} instalment(s) to {plan.Instalments[^1].DueDate:yyyy-MM-dd}";
        events.Add(new DunningPaused(PausedFor, account.PromiseAwaitedUntil(policy, plan.Instalments[^1].DueDate), now));
        return ScheduleNext(events, [], account, policy, now);
    }

    private ProcessResult PlanFallsDue(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (now < PlanCheckAt) return ProcessResult.Nothing;
        if (account.OpenPaymentPlan() is not { NextUnmet: { } next } plan || plan.PlanId != PlanId)
            return PlanPaidOff(account, policy, now) ?? ProcessResult.Nothing;

        var checkAt = account.PromiseAwaitedUntil(policy, next.DueDate);
        if (checkAt > now)
        {
            PlanCheckAt = checkAt; // the earlier instalments are met: wait for the next one
            return ScheduleNext([], [], account, policy, now);
        }

        List<object> events = [plan.BrokenOn(next, now)];
        ResumeFirmer(policy);
        return LeavePlan(events, $"payment plan {PlanId} broken: instalment {next.Number} due {next.DueDate:yyyy-MM-dd} not paid",
            account, policy, now);
    }

    /// <summary>
    /// With something past due: if the awaited plan was paid off, the rest goes back on the ladder (or waits, if it is all
    /// under review). Null when there is no such plan.
    /// </summary>
    private ProcessResult? PlanPaidOff(DebtorAccount account, CreditPolicy policy, DateTimeOffset now) =>
        PlanId is not null && account.PaymentPlan is { Status: PaymentPlanStatus.Completed } plan && plan.PlanId == PlanId
            ? LeavePlan([], $"payment plan {PlanId} completed, but {string.Join(" and ", account.PastDueBalance(now))} is still past due",
                account, policy, now)
            : null;

    private ProcessResult LeavePlan(List<object> events, string reason, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        PlanId = null;
        PlanCheckAt = null;
        return ScheduleNext(events, [], account, policy, now, resumedFor: reason);
    }

    private void AwaitPlan(PaymentPlanState plan, DebtorAccount account, CreditPolicy policy)
    {
        PlanId = plan.PlanId;
        PlanCheckAt = account.PromiseAwaitedUntil(policy, (plan.NextUnmet ?? plan.Instalments[^1]).DueDate);
    }

    /// <summary>After a broken promise or plan the ladder jumps forward to the policy's firmer step, if not already past it.</summary>
    private void ResumeFirmer(CreditPolicy policy)
    {
        var firmer = Ladder(policy).ResumeAfterBrokenPromiseAt is { } id ? Ladder(policy).IndexOf(id) : -1;
        NextStepIndex = Math.Max(NextStepIndex, firmer);
    }

    /// <summary>A promised date or an instalment's date is awaited until 00:00 the day after it, plus the policy's grace.</summary>
}

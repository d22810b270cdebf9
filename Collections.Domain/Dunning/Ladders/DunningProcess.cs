using Collections.Domain.Accounts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Promises;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>When the process wants to be woken; a wake-up with an older generation is stale and ignored.</summary>
public sealed record Wakeup(int Generation, DateTimeOffset At);

public sealed record ProcessResult(IReadOnlyList<object> Events, IReadOnlyList<OutboundEmail> Emails, Wakeup? Wakeup,
    bool Completed)
{
    public static readonly ProcessResult Nothing = new([], [], null, false);
}

/// <summary>
/// The escalation of one account up its ladder: the pure state and decisions behind the dunning saga.
/// It never reads the clock; every decision gets the account as it is now and the time.
/// </summary>
public sealed partial class DunningProcess
{
    public CollectionSegment Segment { get; set; }
    public DateOnly OldestDueDate { get; set; }
    public int NextStepIndex { get; set; }
    public DateTimeOffset? NextStepAt { get; set; }
    public DateTimeOffset? LastStepAt { get; set; }
    public int Generation { get; set; }
    public string? OpenObligationId { get; set; }
    public DateTimeOffset? ObligationDeadline { get; set; }
    public string? PromiseId { get; set; }
    public DateTimeOffset? PromiseDueAt { get; set; }
    public List<string> OpenDisputes { get; set; } = [];

    /// <summary>When the process expects its next wake-up: none while a dispute holds it.</summary>
    public DateTimeOffset? WakeDueAt => OpenDisputes.Count > 0 ? null : PromiseId is not null ? PromiseDueAt
        : PlanId is not null ? PlanCheckAt : NextStepAt;

    public static (DunningProcess Process, ProcessResult Result) Start(DebtorAccount account, CreditPolicy policy,
        DateTimeOffset now)
    {
        var process = new DunningProcess
        {
            Segment = Segmentation.Classify(account, policy, now),
            OldestDueDate = account.PastDueInvoices(now).Min(i => i.DueDate),
            OpenDisputes = account.OpenDisputes.Select(d => d.DisputeId).ToList()
        };
        var events = new List<object> { new DunningStarted(process.Segment, policy.Version, process.OldestDueDate, now) };
        if (account.OpenPromise is { IsAccepted: true } promise) process.AwaitPromise(promise.PromiseId, promise.PromisedDate, account, policy);
        if (account.PaymentPlan is { IsOpen: true } plan) process.AwaitPlan(plan, account, policy);
        if (process.OpenDisputes.Count > 0)
            events.Add(new DunningPaused($"dispute {string.Join(", ", process.OpenDisputes)} is open", null, now));
        return (process, process.ScheduleNext(events, [], account, policy, now));
    }

    public ProcessResult Wake(int generation, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (generation != Generation || OpenDisputes.Count > 0) return ProcessResult.Nothing;
        if (account.PastDueBalance(now).Count == 0) return Complete([], "nothing is past due", now);
        if (PromiseId is not null) return PromiseFallsDue(account, policy, now);
        if (PlanId is not null) return PlanFallsDue(account, policy, now);
        if (NextStepAt > now) return ProcessResult.Nothing;
        return RunStep(account, policy, now);
    }

    public ProcessResult PromiseMade(string promiseId, DateOnly promisedDate, DebtorAccount account, CreditPolicy policy,
        DateTimeOffset now)
    {
        // A promise outside the policy holds nothing until a credit manager approves it (then this is heard again).
        if (account.OpenPromise is not { IsAccepted: true } open || open.PromiseId != promiseId || PromiseId == promiseId)
            return ProcessResult.Nothing;
        var events = CancelObligation($"promise {promiseId} to pay by {promisedDate:yyyy-MM-dd} accepted", now);
        AwaitPromise(promiseId, promisedDate, account, policy);
        events.Add(new DunningPaused($"promise {promiseId} to pay by {promisedDate:yyyy-MM-dd}", PromiseDueAt, now));
        return ScheduleNext(events, [], account, policy, now);
    }

    public ProcessResult DisputeRaised(string disputeId, DateTimeOffset now)
    {
        if (OpenDisputes.Contains(disputeId)) return ProcessResult.Nothing; // already paused for it at start
        var events = CancelObligation($"dispute {disputeId} opened", now);
        OpenDisputes.Add(disputeId);
        Generation++;
        events.Add(new DunningPaused($"dispute {disputeId} is open", null, now));
        return new ProcessResult(events, [], null, false);
    }

    public ProcessResult DisputeResolved(string disputeId, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (!OpenDisputes.Remove(disputeId) || OpenDisputes.Count > 0) return ProcessResult.Nothing;
        if (account.PastDueBalance(now).Count == 0) return Complete([], "nothing is past due", now);
        return ScheduleNext([new DunningResumed($"dispute {disputeId} resolved", Ladder(policy).Steps[ResumableIndex(policy)].Id, now)],
            [], account, policy, now);
    }

    /// <summary>After any payment: a settled account leaves the ladder at once, and nothing announced is carried out.</summary>
    public ProcessResult PaymentReceived(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (account.PastDueBalance(now).Count > 0) return PlanPaidOff(account, policy, now);
        var events = new List<object>();
        if (policy.ReleaseHoldOnFullPayment && account.CreditHold is { PlacedBy: StepRunner.PolicyActor })
            events.Add(new CreditHoldReleased(StepRunner.PolicyActor, "Released on full payment, as the credit policy provides.", now));
        return Complete(events, "paid: nothing is past due", now);
    }

    /// <summary>A person took the account off the ladder (agency referral by hand, write-off).</summary>
    public ProcessResult Stop(string reason, DateTimeOffset now) => Complete([], reason, now);

    private ProcessResult PromiseFallsDue(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (now < PromiseDueAt) return ProcessResult.Nothing;
        var events = new List<object>();
        string reason;
        if (account.OpenPromise is { } promise && promise.PromiseId == PromiseId)
        {
            events.Add(new PromiseBroken(promise.PromiseId, promise.Amount with { Amount = promise.Amount.Amount - promise.PaidSince }, now));
            ResumeFirmer(policy);
            reason = $"promise {PromiseId} broken";
        }
        else reason = $"promise {PromiseId} kept, but {string.Join(" and ", account.PastDueBalance(now))} is still past due";

        PromiseId = null;
        PromiseDueAt = null;
        events.Add(new DunningResumed(reason, Ladder(policy).Steps[ResumableIndex(policy)].Id, now));
        return ScheduleNext(events, [], account, policy, now);
    }

    private ProcessResult RunStep(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var ladder = Ladder(policy);
        var step = ladder.Steps[NextStepIndex];
        var deadline = step.ResponseWindow is { } window ? now + window : (DateTimeOffset?)null;
        var run = StepRunner.Run(account, policy, step, now, deadline, $"{account.Id}:T-{account.TasksCreated + 1}");
        var events = run.Events.ToList();

        if (step.RunsAtDeadline && OpenObligationId is not null)
        {
            events.Add(new ObligationFulfilled(OpenObligationId, now));
            OpenObligationId = null;
            ObligationDeadline = null;
        }

        if (deadline is not null)
        {
            OpenObligationId = $"{account.Id}:OB-{account.Obligations.Count + 1}";
            ObligationDeadline = deadline;
            events.Add(new ObligationRecorded(OpenObligationId, step.Consequence!.Value, deadline.Value, step.Id, now));
        }

        LastStepAt = now;
        NextStepIndex++;
        return NextStepIndex == ladder.Steps.Count
            ? Complete(events, $"the {Segmentation.Describe(Segment)} ladder is finished", now) with { Emails = run.Emails }
            : ScheduleNext(events, run.Emails, account, policy, now);
    }

    private ProcessResult ScheduleNext(List<object> events, IReadOnlyList<OutboundEmail> emails, DebtorAccount account,
        CreditPolicy policy, DateTimeOffset now)
    {
        Generation++;
        if (OpenDisputes.Count > 0) return new ProcessResult(events, emails, null, false);
        if (PromiseId is not null) return new ProcessResult(events, emails, new Wakeup(Generation, PromiseDueAt!.Value), false);
        if (PlanId is not null) return new ProcessResult(events, emails, new Wakeup(Generation, PlanCheckAt!.Value), false);

        NextStepIndex = ResumableIndex(policy);
        var step = Ladder(policy).Steps[NextStepIndex];
        var at = step.RunsAtDeadline ? ObligationDeadline!.Value : StepTime(step, account);
        NextStepAt = at < now ? now : at;
        events.Add(new DunningStepScheduled(step.Id, step.Action, step.Channel, NextStepAt.Value));
        return new ProcessResult(events, emails, new Wakeup(Generation, NextStepAt.Value), false);
    }

    /// <summary>A consequence whose notice was cancelled is never carried out unannounced: the notice is given again.</summary>
    private int ResumableIndex(CreditPolicy policy) =>
        Ladder(policy).Steps[NextStepIndex].RunsAtDeadline && OpenObligationId is null ? NextStepIndex - 1 : NextStepIndex;

    private DateTimeOffset StepTime(PolicyStep step, DebtorAccount account)
    {
        var anchor = step.From == StepAnchor.DueDate || LastStepAt is null ? account.StartOf(OldestDueDate) : LastStepAt.Value;
        var time = account.After(anchor, step.After);
        if (step.At is not { } at) return time;
        var snapped = account.At(DateOnly.FromDateTime(account.Local(time).DateTime), at);
        return snapped < anchor ? account.After(snapped, TimeSpan.FromDays(1)) : snapped;
    }

    private void AwaitPromise(string promiseId, DateOnly promisedDate, DebtorAccount account, CreditPolicy policy)
    {
        PromiseId = promiseId;
        PromiseDueAt = CheckTime(promisedDate, account, policy);
    }

    private List<object> CancelObligation(string reason, DateTimeOffset now)
    {
        if (OpenObligationId is null) return [];
        var cancelled = new ObligationCancelled(OpenObligationId, reason, now);
        OpenObligationId = null;
        ObligationDeadline = null;
        return [cancelled];
    }

    private ProcessResult Complete(List<object> events, string reason, DateTimeOffset now)
    {
        events.AddRange(CancelObligation($"settled: {reason}", now));
        events.Add(new DunningCompleted(reason, now));
        Generation++;
        return new ProcessResult(events, [], null, true);
    }

    private Ladder Ladder(CreditPolicy policy) => policy.Ladders[Segment];
}

using Collections.Domain.Accounts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
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

    /// <summary>What the account's <c>dunning.pausedFor</c> says: a promise or payment plan awaited, or everything past due under review; null while a step is planned.</summary>
    public string? PausedFor { get; set; }

    /// <summary>
    /// When the process expects its next wake-up: a promise's or a plan's check, else the next step. None while a notice
    /// waits to be sent, or while everything past due is under review: a dispute's resolution or a dunning block's end
    /// (<see cref="Reassess"/>) brings it back.
    /// </summary>
    public DateTimeOffset? WakeDueAt =>
        NoticeAwaitingDispatchTaskId is not null ? null : PromiseId is not null ? PromiseDueAt : PlanId is not null ? PlanCheckAt
        : PausedFor is not null ? null : NextStepAt;

    public static (DunningProcess Process, ProcessResult Result) Start(DebtorAccount account, CreditPolicy policy,
        DateTimeOffset now)
    {
        var credit = NettedAccount.Of(account, policy, now);
        account = credit.Account;
        if (account.PastDueBalance(now).Count == 0) return (new DunningProcess(), new ProcessResult(credit.Events, [], null, true));

        var segment = Segmentation.Choose(account, policy, now);
        var chased = account.PastDueForDunning(now).ToList();
        var process = new DunningProcess
        {
            Segment = segment.Segment,
            // Day zero: the oldest invoice the ladder chases, or, when all are under review, the oldest past due.
            OldestDueDate = (chased.Count > 0 ? chased : account.PastDueInvoices(now)).Min(i => i.DueDate)
        };
        var events = new List<object>(credit.Events)
            { new DunningStarted(process.Segment, policy.Version, process.OldestDueDate, now, segment.Reason, segment.Conversions) };
        if (account.AcceptedPromise() is { } promise) process.AwaitPromise(promise.PromiseId, promise.PromisedDate, account, policy);
        if (account.OpenPaymentPlan() is { } plan) process.AwaitPlan(plan, account, policy);
        return (process, process.ScheduleNext(events, [], account, policy, now));
    }

    public ProcessResult Wake(int generation, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (generation != Generation) return ProcessResult.Nothing;
        var credit = NettedAccount.Of(account, policy, now);
        account = credit.Account;
        if (account.PastDueBalance(now).Count == 0) return Complete([.. credit.Events], credit.Settled("nothing is past due"), now);
        if (PromiseId is not null) return credit.Before(PromiseFallsDue(account, policy, now));
        if (PlanId is not null) return credit.Before(PlanFallsDue(account, policy, now));
        if (NextStepAt > now) return credit.Before(ProcessResult.Nothing);
        // Never carried out on a balance that is all under review, even if the process missed hearing of it.
        if (account.EverythingUnderReview(now) is not null)
            return credit.Before(Rethink($"step '{Ladder(policy).Steps[NextStepIndex].Id}' fell due", account, policy, now));
        return credit.Before(RunStep(account, policy, now));
    }

    public ProcessResult PromiseMade(string promiseId, DateOnly promisedDate, DebtorAccount account, CreditPolicy policy,
        DateTimeOffset now)
    {
        // A promise outside the policy holds nothing until a credit manager approves it (then this is heard again).
        if (account.AcceptedPromise() is not { } accepted || accepted.PromiseId != promiseId || PromiseId == promiseId)
            return ProcessResult.Nothing;
        var events = CancelObligation($"promise {promiseId} to pay by {promisedDate:yyyy-MM-dd} accepted", now);
        AwaitPromise(promiseId, promisedDate, account, policy);
        PausedFor = $"promise {promiseId} to pay by {promisedDate:yyyy-MM-dd}";
        events.Add(new DunningPaused(PausedFor, PromiseDueAt, now));
        return ScheduleNext(events, [], account, policy, now);
    }

    public ProcessResult DisputeRaised(string disputeId, DebtorAccount account, CreditPolicy policy, DateTimeOffset now) =>
        Reassess($"dispute {disputeId} opened", account, policy, now);

    public ProcessResult DisputeResolved(string disputeId, DebtorAccount account, CreditPolicy policy, DateTimeOffset now) =>
        Reassess($"dispute {disputeId} resolved", account, policy, now);

    /// <summary>
    /// What is left to chase changed (a dispute, a dunning block, a payment, an invoice falling due): the ladder goes on
    /// with the rest, waits when all of it is under review (an announced consequence is then cancelled), and comes
    /// back when something is left again. A promise or payment plan being awaited holds the ladder whatever happens to
    /// disputes.
    /// </summary>
    public ProcessResult Reassess(string cause, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var credit = NettedAccount.Of(account, policy, now);
        account = credit.Account;
        if (account.PastDueBalance(now).Count == 0) return Complete([.. credit.Events], credit.Settled("nothing is past due"), now);
        return credit.Before(Rethink(cause, account, policy, now));
    }

    /// <summary><see cref="Reassess"/> on an account already netted, with something past due.</summary>
    private ProcessResult Rethink(string cause, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (PromiseId is not null || PlanId is not null) return ProcessResult.Nothing;
        if (account.EverythingUnderReview(now) is { } review)
            return review == PausedFor
                ? ProcessResult.Nothing
                : ScheduleNext(CancelObligation($"{cause}: everything past due is under review", now), [], account, policy, now);
        return PausedFor is null ? ProcessResult.Nothing : ScheduleNext([], [], account, policy, now, resumedFor: cause);
    }

    /// <summary>After any payment: a settled account leaves the ladder at once, and nothing announced is carried out.</summary>
    public ProcessResult PaymentReceived(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var credit = NettedAccount.Of(account, policy, now);
        account = credit.Account;
        if (account.PastDueBalance(now).Count > 0)
            return credit.Before(PlanPaidOff(account, policy, now) ?? Rethink("paid in part", account, policy, now));
        var events = new List<object>(credit.Events);
        if (policy.ReleaseHoldOnFullPayment && account.CreditHold is { PlacedBy: StepRunner.PolicyActor })
            events.Add(new CreditHoldReleased(StepRunner.PolicyActor, "Released on full payment, as the credit policy provides.", now));
        return Complete(events, credit.Settled("paid: nothing is past due"), now);
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
        return ScheduleNext(events, [], account, policy, now, resumedFor: reason);
    }

    private ProcessResult RunStep(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var ladder = Ladder(policy);
        var step = ladder.Steps[NextStepIndex];
        // A notice that could not reach anyone is neither sent nor handed to a person to send: no deadline starts.
        if (ContactGaps.Find(account, policy, ladder, NextStepIndex) is { } gap) return HoldForDetails(step, gap, account, policy, now);
        if (step.Action == StepAction.FinalNotice && StepRunner.SentByPerson(step)) return AwaitDispatch(step, account, policy, now);
        var deadline = step.ResponseWindow is { } window ? account.Deadline(policy, now, window) : null;
        var run = StepRunner.Run(account, policy, step, now, deadline?.At, $"{account.Id}:T-{account.TasksCreated + 1}");
        var events = run.Events.ToList();
        events.AddRange(DetailsArrived(step, account, now));

        if (step.RunsAtDeadline && OpenObligationId is not null)
        {
            events.Add(new ObligationFulfilled(OpenObligationId, now));
            OpenObligationId = null;
            ObligationDeadline = null;
        }

        if (deadline is not null) events.Add(OpenObligation(account, step, deadline, now));

        LastStepAt = now;
        NextStepIndex++;
        return NextStepIndex == ladder.Steps.Count
            ? Complete(events, $"the {Segmentation.Describe(Segment)} ladder is finished", now) with { Emails = run.Emails }
            : ScheduleNext(events, run.Emails, account, policy, now);
    }

    /// <param name="resumedFor">Why a paused ladder goes on: recorded as <see cref="DunningResumed"/> only when a step is planned.</param>
    private ProcessResult ScheduleNext(List<object> events, IReadOnlyList<OutboundEmail> emails, DebtorAccount account,
        CreditPolicy policy, DateTimeOffset now, string? resumedFor = null)
    {
        Generation++;
        if (NoticeAwaitingDispatchTaskId is not null) return new ProcessResult(events, emails, null, false);
        if (PromiseId is not null) return new ProcessResult(events, emails, new Wakeup(Generation, PromiseDueAt!.Value), false);
        if (PlanId is not null) return new ProcessResult(events, emails, new Wakeup(Generation, PlanCheckAt!.Value), false);
        if (account.EverythingUnderReview(now) is { } review)
        {
            if (review != PausedFor) events.Add(new DunningPaused(review, account.FirstReviewEnd(now), now));
            PausedFor = review;
            return new ProcessResult(events, emails, null, false);
        }

        NextStepIndex = ResumableIndex(policy);
        var step = Ladder(policy).Steps[NextStepIndex];
        // A consequence runs exactly at its deadline (or the end of its follow-up), which is on a working day already;
        // any other step is moved off a non-working day, also when it is due at once.
        var at = step.RunsAtDeadline ? new WorkingDayTime(ObligationDeadline!.Value, null)
            : account.OnWorkingDay(policy, Later(StepTime(step, account, policy), now), step.At);
        NextStepAt = Later(at.At, now);
        PausedFor = null;
        if (resumedFor is not null) events.Add(new DunningResumed(resumedFor, step.Id, now));
        events.Add(new DunningStepScheduled(step.Id, step.Action, step.Channel, NextStepAt.Value, at.Moved));
        return new ProcessResult(events, emails, new Wakeup(Generation, NextStepAt.Value), false);
    }

    /// <summary>A consequence whose notice was cancelled is never carried out unannounced: the notice is given again.</summary>
    private int ResumableIndex(CreditPolicy policy) =>
        Ladder(policy).Steps[NextStepIndex].RunsAtDeadline && OpenObligationId is null ? NextStepIndex - 1 : NextStepIndex;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a < b ? b : a;

    private DateTimeOffset StepTime(PolicyStep step, DebtorAccount account, CreditPolicy policy)
    {
        var anchor = step.From == StepAnchor.DueDate || LastStepAt is null ? account.StartOf(OldestDueDate) : LastStepAt.Value;
        var time = account.After(policy, anchor, step.After);
        if (step.At is not { } at) return time;
        var snapped = account.At(DateOnly.FromDateTime(account.Local(time).DateTime), at);
        return snapped < anchor ? account.After(snapped, TimeSpan.FromDays(1)) : snapped;
    }

    private void AwaitPromise(string promiseId, DateOnly promisedDate, DebtorAccount account, CreditPolicy policy)
    {
        PromiseId = promiseId;
        PromiseDueAt = account.PromiseAwaitedUntil(policy, promisedDate);
    }

    private List<object> CancelObligation(string reason, DateTimeOffset now)
    {
        var events = WithdrawNoticeAwaitingDispatch(reason, now);
        if (OpenObligationId is null) return events;
        events.Add(new ObligationCancelled(OpenObligationId, reason, now));
        OpenObligationId = null;
        ObligationDeadline = null;
        return events;
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

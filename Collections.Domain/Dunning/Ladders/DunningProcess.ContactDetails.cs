using Collections.Domain.Accounts;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Tasks;

namespace Collections.Domain.Dunning.Ladders;

/// <param name="TaskId">The task that asks for the details.</param>
/// <param name="Until">When the wait runs out; null once the credit manager has it (it then waits until the details come).</param>
public sealed record DetailsWait(string StepId, string TaskId, DateTimeOffset? Until);

/// <summary>
/// A step whose contact or address is missing is not sent: a task asks for what is missing and the ladder waits at the
/// step, as long as the policy allows (<see cref="MissingContacts"/>). No obligation starts for a notice that did not go out.
/// </summary>
public sealed partial class DunningProcess
{
    /// <summary>The step the ladder waits at for missing contact details; null when it waits for none.</summary>
    public DetailsWait? AwaitingDetails { get; set; }

    /// <summary>
    /// Contact details were recorded: the step waiting for them goes out now, if they were what it lacked. Not while a
    /// promise or a dispute holds the ladder, nor when it has moved on (a broken promise jumps ahead) to a step not yet due.
    /// </summary>
    public ProcessResult ContactDetailsRecorded(DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (AwaitingDetails is not { } wait || Ladder(policy).Steps[NextStepIndex].Id != wait.StepId || PromiseId is not null
            || PausedFor is not null) return ProcessResult.Nothing;
        // As at any step: credit on the account is applied first, and nothing is sent about what is under review.
        var credit = NettedAccount.Of(account, policy, now);
        account = credit.Account;
        if (account.PastDueBalance(now).Count == 0) return Complete([.. credit.Events], credit.Settled("nothing is past due"), now);
        return credit.Before(account.EverythingUnderReview(now) is null
            ? RunStep(account, policy, now)
            : Rethink("contact details recorded", account, policy, now));
    }

    private ProcessResult HoldForDetails(PolicyStep step, ContactGap gap, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (AwaitingDetails is not { } wait || wait.StepId != step.Id) return StartWaiting(step, gap, account, policy, now);
        if (wait.Until is { } until && now >= until)
            return policy.MissingContacts.WhenStillMissing == StillMissingRule.SkipStep
                ? SkipStep(step, gap, account, policy, now)
                : HandToCreditManager(step, gap, account, policy, now);
        // Still waiting. After a promise or a dispute held the ladder, the wait is taken up again where it stood.
        return NextStepAt == wait.Until ? ProcessResult.Nothing : Wait(gap, wait.Until, now, []);
    }

    private ProcessResult StartWaiting(PolicyStep step, ContactGap gap, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        // Finding contact details is a collector's work: the account's own, else the policy's.
        var collector = StepSender.For(account, policy, SenderRole.Collector);
        var until = account.After(policy, now, policy.MissingContacts.WaitForDetails);
        var then = policy.MissingContacts.WhenStillMissing == StillMissingRule.SkipStep
            ? step.Action == StepAction.FinalNotice ? "it is skipped, and with it the consequence it would announce" : "it is skipped"
            : $"it goes to the credit manager, {policy.Senders[SenderRole.CreditManager].Name}";
        var events = CloseDetailsTask(account, "no longer needed: the ladder moved on", now);
        var request = Request(step, gap, account, SenderRole.Collector, collector.Id,
            $"The step waits until {account.Describe(until)}; if it is still missing then, {then}.", until, now);
        AwaitingDetails = new DetailsWait(step.Id, request.TaskId, until);
        events.Add(request);
        return Wait(gap, until, now, events);
    }

    private ProcessResult SkipStep(PolicyStep step, ContactGap gap, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var ladder = Ladder(policy);
        var reason = $"{gap.Describe()}, and the wait for it ran out";
        var events = CloseDetailsTask(account, $"not found in time: step '{step.Id}' was skipped", now);
        events.Add(new StepSkipped(step.Id, reason, now));
        if (step.RunsAtDeadline) events.AddRange(CancelObligation($"step '{step.Id}' could not be carried out: {reason}", now));
        AwaitingDetails = null;
        NextStepIndex++;
        if (step.Action == StepAction.FinalNotice) // never carry out what was not announced
        {
            events.Add(new StepSkipped(ladder.Steps[NextStepIndex].Id, $"its final notice '{step.Id}' could not go out", now));
            NextStepIndex++;
        }

        return NextStepIndex == ladder.Steps.Count
            ? Complete(events, $"the {Segmentation.Describe(Segment)} ladder is finished", now)
            : ScheduleNext(events, [], account, policy, now);
    }

    private ProcessResult HandToCreditManager(PolicyStep step, ContactGap gap, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var manager = policy.Senders[SenderRole.CreditManager];
        var events = CloseDetailsTask(account, $"not found in time: handed to the credit manager, {manager.Name}", now);
        var request = Request(step, gap, account, SenderRole.CreditManager, manager.Id,
            "It was not found in time. The escalation waits at this step until it is recorded; or take the account off the " +
            "ladder by hand (agency referral, write-off).", null, now);
        AwaitingDetails = new DetailsWait(step.Id, request.TaskId, null);
        events.Add(request);
        return Wait(gap, null, now, events);
    }

    /// <summary>The step goes out after all (or the ladder moved past it): the task that asked for its details is done.</summary>
    /// <param name="outcome">What became of the step: it went out, or (a final notice a person sends) it is ready to send.</param>
    private List<object> DetailsArrived(PolicyStep step, DebtorAccount account, DateTimeOffset now, string outcome = "went out")
    {
        var events = CloseDetailsTask(account, AwaitingDetails?.StepId == step.Id
            ? $"recorded: step '{step.Id}' {outcome}"
            : "no longer needed: the ladder moved on", now);
        AwaitingDetails = null;
        return events;
    }

    private List<object> CloseDetailsTask(DebtorAccount account, string note, DateTimeOffset now) =>
        AwaitingDetails is { } wait && account.OpenTasks.Any(t => t.TaskId == wait.TaskId)
            ? [new CollectionTaskCompleted(wait.TaskId, StepRunner.PolicyActor, note, now)]
            : [];

    private static ContactDetailsRequested Request(PolicyStep step, ContactGap gap, DebtorAccount account, SenderRole role,
        string assignee, string then, DateTimeOffset? until, DateTimeOffset now)
    {
        var what = gap.Step == step
            ? $"Step '{step.Id}' ({StepRunner.Describe(step)}) cannot go out: {gap.Describe()}."
            : $"Step '{step.Id}' ({StepRunner.Describe(step)}) cannot go out: the {StepRunner.Describe(gap.Step)} it announces would find {gap.Describe()}.";
        // A final notice a person sends is then theirs to send; its deadline starts only once they have.
        var goes = step.Action == StepAction.FinalNotice && StepRunner.SentByPerson(step)
            ? "the notice is then handed at once to whoever sends it"
            : "the step then goes out at once";
        var record = gap.Contact is { } contact
            ? $"Record it on the contact (PUT /api/accounts/{account.Id}/contacts/{contact.ContactId}); {goes}."
            : $"Find out who it is and record them as a contact (PUT /api/accounts/{account.Id}/contacts/{{contactId}}); {goes}.";
        return new ContactDetailsRequested($"{account.Id}:T-{account.TasksCreated + 1}", step.Id, gap.Step.Channel, gap.RoleWanted,
            gap.Contact?.ContactId, gap.Missing, role, assignee, $"{what} {record} {then}", until, now);
    }

    private ProcessResult Wait(ContactGap gap, DateTimeOffset? until, DateTimeOffset now, List<object> events)
    {
        Generation++;
        NextStepAt = until;
        var holder = until is null ? "; the credit manager has it" : "";
        events.Add(new DunningPaused($"step '{AwaitingDetails!.StepId}' cannot go out: {gap.Describe()}{holder}", until, now));
        return new ProcessResult(events, [], until is { } at ? new Wakeup(Generation, at) : null, false);
    }
}

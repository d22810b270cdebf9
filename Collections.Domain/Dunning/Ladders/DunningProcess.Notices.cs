using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>
/// The final notice's promise kept both ways: its deadline runs from when it was really sent, and "if I do not
/// hear from you by then" means that hearing from the debtor in time holds the consequence.
/// </summary>
public sealed partial class DunningProcess
{
    /// <summary>The task of a final notice a person has yet to send; no deadline runs meanwhile.</summary>
    public string? NoticeAwaitingDispatchTaskId { get; set; }
    public string? NoticeAwaitingDispatchStepId { get; set; }

    public string? ObligationStepId { get; set; }
    public DateTimeOffset? ObligationRecordedAt { get; set; }
    public bool ObligationSuspended { get; set; }

    /// <summary>The person marked the notice's task done: it is sent now, and its deadline starts.</summary>
    public ProcessResult NoticeDispatched(string taskId, DateTimeOffset sentAt, DebtorAccount account, CreditPolicy policy,
        DateTimeOffset now)
    {
        if (taskId != NoticeAwaitingDispatchTaskId) return ProcessResult.Nothing;
        NoticeAwaitingDispatchTaskId = NoticeAwaitingDispatchStepId = null;
        var notice = Ladder(policy).Steps[NextStepIndex - 1];
        var arrives = account.After(sentAt, policy.Notices.DeliveryFor(notice.Channel));
        var deadline = account.After(arrives, notice.ResponseWindow!.Value);
        var events = new List<object>
        {
            StepRunner.NoticeSent(account, policy, notice, sentAt, deadline),
            OpenObligation(account, notice, deadline, sentAt),
            new DunningResumed($"final notice '{notice.Id}' sent {account.Describe(sentAt)}; the debtor has until {account.Describe(deadline)}",
                Ladder(policy).Steps[NextStepIndex].Id, now)
        };
        return ScheduleNext(events, [], account, policy, now);
    }

    /// <summary>Asked before the account is locked: most contacts on a busy account change nothing here.</summary>
    public bool CouldHoldConsequence(Channel channel, ContactDirection direction, ContactOutcome outcome, DateTimeOffset occurredAt,
        CreditPolicy policy) =>
        OpenObligationId is not null && !ObligationSuspended && occurredAt <= ObligationDeadline && occurredAt >= ObligationRecordedAt
        && policy.Notices.ContactThatCounts.Includes(channel, direction, outcome);

    /// <summary>A contact the policy counts, made after the notice and before its deadline, holds the consequence.</summary>
    public ProcessResult ContactMade(Channel channel, ContactDirection direction, ContactOutcome outcome, string? contactId,
        DateTimeOffset occurredAt, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        if (!CouldHoldConsequence(channel, direction, outcome, occurredAt, policy)) return ProcessResult.Nothing;

        var notice = Ladder(policy).Steps.First(s => s.Id == ObligationStepId);
        var followUpUntil = account.After(now, policy.Notices.FollowUpGrace);
        var contact = account.Contacts.FirstOrDefault(c => c.ContactId == contactId) ?? StepRunner.Recipient(account, notice.Recipient);
        var heard = $"{direction.ToString().ToLowerInvariant()} {channel.ToString().ToLowerInvariant()} ({outcome}) " +
                    $"{account.Describe(occurredAt)}, before the deadline {account.Describe(ObligationDeadline!.Value)}";
        var consequence = StepRunner.Describe(notice.Consequence!.Value, policy);
        var task = StepRunner.Task(notice, $"{account.Id}:T-{account.TasksCreated + 1}", policy.Senders[notice.Sender], contact,
            $"{contact.Name} got in touch after the final notice: {heard}. Follow up now: unless a payment, an accepted " +
            $"promise, a payment plan or a dispute is recorded by {account.Describe(followUpUntil)}, {consequence} follows then.",
            now) with { Channel = Channel.Phone };

        ObligationSuspended = true;
        ObligationDeadline = followUpUntil;
        return ScheduleNext([new ObligationSuspended(OpenObligationId!, $"heard from the debtor: {heard}", followUpUntil, now), task],
            [], account, policy, now);
    }

    /// <summary>A final notice a person must send: a task with the draft, and the ladder waits for it to go out.</summary>
    private ProcessResult AwaitDispatch(PolicyStep notice, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var taskId = $"{account.Id}:T-{account.TasksCreated + 1}";
        NoticeAwaitingDispatchTaskId = taskId;
        NoticeAwaitingDispatchStepId = notice.Id;
        LastStepAt = now;
        NextStepIndex++;
        Generation++;
        NextStepAt = null;
        return new ProcessResult(
        [
            StepRunner.DispatchTask(account, policy, notice, now, taskId),
            new FinalNoticeAwaitingDispatch(notice.Id, taskId, notice.Channel, notice.Consequence!.Value, now),
            new DunningPaused($"final notice '{notice.Id}' waits to be sent (task {taskId}); its deadline starts when it is", null, now)
        ], [], null, false);
    }

    private ObligationRecorded OpenObligation(DebtorAccount account, PolicyStep notice, DateTimeOffset deadline, DateTimeOffset sentAt)
    {
        OpenObligationId = $"{account.Id}:OB-{account.Obligations.Count + 1}";
        ObligationDeadline = deadline;
        ObligationRecordedAt = sentAt;
        ObligationStepId = notice.Id;
        ObligationSuspended = false;
        return new ObligationRecorded(OpenObligationId, notice.Consequence!.Value, deadline, notice.Id, sentAt);
    }

    private List<object> WithdrawNoticeAwaitingDispatch(string reason, DateTimeOffset now)
    {
        if (NoticeAwaitingDispatchTaskId is not { } taskId) return [];
        var withdrawn = new FinalNoticeWithdrawn(NoticeAwaitingDispatchStepId!, taskId, reason, now);
        NoticeAwaitingDispatchTaskId = NoticeAwaitingDispatchStepId = null;
        return [withdrawn];
    }
}

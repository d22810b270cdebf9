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

    /// <summary>Whom its draft is addressed to: the notice is recorded as sent to them, whatever contacts are recorded meanwhile.</summary>
    public string? NoticeAwaitingDispatchContactId { get; set; }

    public string? ObligationStepId { get; set; }
    public DateTimeOffset? ObligationRecordedAt { get; set; }
    public bool ObligationSuspended { get; set; }

    /// <summary>The person marked the notice's task done: it is sent now, and its deadline starts.</summary>
    public ProcessResult NoticeDispatched(string taskId, DateTimeOffset sentAt, DebtorAccount account, CreditPolicy policy,
        DateTimeOffset now)
    {
        if (taskId != NoticeAwaitingDispatchTaskId) return ProcessResult.Nothing;
        var notice = Ladder(policy).Steps[NextStepIndex - 1];
        // A saga that began waiting before the draft's contact was kept addresses whom the step would now.
        var contact = account.Contacts.Find(c => c.ContactId == NoticeAwaitingDispatchContactId) ?? StepRunner.AddresseeOf(account, policy, notice);
        NoticeAwaitingDispatchTaskId = NoticeAwaitingDispatchStepId = NoticeAwaitingDispatchContactId = null;
        // The window runs from the day the notice arrives; only the contact-by time it names is kept off non-working days.
        var arrives = account.After(policy, sentAt, policy.Notices.DeliveryFor(notice.Channel));
        var deadline = account.Deadline(policy, arrives, notice.ResponseWindow!.Value);
        List<object> events =
        [
            ..StepRunner.NoticeSent(account, policy, notice, contact, sentAt, deadline.At),
            OpenObligation(account, notice, deadline, sentAt),
            new DunningResumed($"final notice '{notice.Id}' sent {account.Describe(sentAt)}; the debtor has until {account.Describe(deadline.At)}",
                Ladder(policy).Steps[NextStepIndex].Id, now)
        ];
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
        // The consequence then runs at the follow-up's end, so that too is kept off non-working days.
        var followUp = account.Deadline(policy, now, policy.Notices.FollowUpGrace);
        var followUpUntil = followUp.At;
        // Whoever got in touch; else anyone on file (the notice reached someone, and contacts are never removed).
        var contact = account.Contacts.FirstOrDefault(c => c.ContactId == contactId)
                      ?? Addressee.For(account, notice.Recipient, RoleMissingRule.NextRoleUpThenDown)!;
        var heard = $"{direction.ToString().ToLowerInvariant()} {channel.ToString().ToLowerInvariant()} ({outcome}) " +
                    $"{account.Describe(occurredAt)}, before the deadline {account.Describe(ObligationDeadline!.Value)}";
        var consequence = StepRunner.Describe(notice.Consequence!.Value, policy);
        var task = StepRunner.Task(notice, $"{account.Id}:T-{account.TasksCreated + 1}", StepSender.For(account, policy, notice.Sender), contact,
            $"{contact.Name} got in touch after the final notice: {heard}. Follow up now: unless a payment, an accepted " +
            $"promise, a payment plan or a dispute is recorded by {account.Describe(followUpUntil)}, {consequence} follows then.",
            now) with { Channel = Channel.Phone };

        ObligationSuspended = true;
        ObligationDeadline = followUpUntil;
        return ScheduleNext([new ObligationSuspended(OpenObligationId!, $"heard from the debtor: {heard}", followUpUntil, now, followUp.Moved), task],
            [], account, policy, now);
    }

    /// <summary>A final notice a person must send: a task with the draft, and the ladder waits for it to go out.</summary>
    private ProcessResult AwaitDispatch(PolicyStep notice, DebtorAccount account, CreditPolicy policy, DateTimeOffset now)
    {
        var taskId = $"{account.Id}:T-{account.TasksCreated + 1}";
        var contact = StepRunner.AddresseeOf(account, policy, notice);
        var detailsArrived = DetailsArrived(notice, account, now, $"is ready to send (task {taskId})");
        NoticeAwaitingDispatchTaskId = taskId;
        NoticeAwaitingDispatchStepId = notice.Id;
        NoticeAwaitingDispatchContactId = contact.ContactId;
        LastStepAt = now;
        NextStepIndex++;
        Generation++;
        NextStepAt = null;
        return new ProcessResult(
        [
            StepRunner.DispatchTask(account, policy, notice, contact, now, taskId),
            new FinalNoticeAwaitingDispatch(notice.Id, taskId, notice.Channel, notice.Consequence!.Value, now),
            ..detailsArrived,
            new DunningPaused($"final notice '{notice.Id}' waits to be sent (task {taskId}); its deadline starts when it is", null, now)
        ], [], null, false);
    }

    private ObligationRecorded OpenObligation(DebtorAccount account, PolicyStep notice, WorkingDayTime deadline, DateTimeOffset sentAt)
    {
        OpenObligationId = $"{account.Id}:OB-{account.Obligations.Count + 1}";
        ObligationDeadline = deadline.At;
        ObligationRecordedAt = sentAt;
        ObligationStepId = notice.Id;
        ObligationSuspended = false;
        return new ObligationRecorded(OpenObligationId, notice.Consequence!.Value, deadline.At, notice.Id, sentAt, deadline.Moved);
    }

    private List<object> WithdrawNoticeAwaitingDispatch(string reason, DateTimeOffset now)
    {
        if (NoticeAwaitingDispatchTaskId is not { } taskId) return [];
        var withdrawn = new FinalNoticeWithdrawn(NoticeAwaitingDispatchStepId!, taskId, reason, now);
        NoticeAwaitingDispatchTaskId = NoticeAwaitingDispatchStepId = NoticeAwaitingDispatchContactId = null;
        return [withdrawn];
    }
}

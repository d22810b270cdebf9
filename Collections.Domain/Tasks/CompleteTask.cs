using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.Ladders;

namespace Collections.Domain.Tasks;

/// <summary>A call made or a letter posted: the person who did it closes the task the policy created.</summary>
public sealed record CompleteTask(string Note, long? ExpectedVersion = null);

public sealed record CollectionTaskCompleted(string TaskId, string CompletedBy, string Note, DateTimeOffset CompletedAt);

public sealed record OpenTask(string TaskId, string StepId, Channel Channel, string Assignee, string ContactId, DateTimeOffset DueAt)
{
    /// <summary>Set on a task to obtain a missing contact or address (<see cref="ContactDetailsRequested"/>): what to find.</summary>
    public ContactDetail? Obtain { get; init; }

    public static OpenTask From(CollectionTaskCreated created) =>
        new(created.TaskId, created.StepId, created.Channel, created.Assignee, created.ContactId, created.DueAt);

    public static OpenTask From(ContactDetailsRequested requested) =>
        new(requested.TaskId, requested.StepId, requested.Channel, requested.Assignee, requested.ContactId ?? "", requested.RequestedAt)
        {
            Obtain = requested.Missing
        };
}

public static class CompleteTaskDecision
{
    public static Decision Decide(this DebtorAccount account, string taskId, CompleteTask command, Actor by, DateTimeOffset now)
    {
        var check = new Validation().Required(command.Note, "note").Text(command.Note, InputLimits.Reason, "note");
        if (!check.IsValid) return check.Reject();

        if (account.OpenTasks.Any(t => t.TaskId == taskId))
            return Decision.Append(new CollectionTaskCompleted(taskId, by.Id, command.Note, now));
        return account.TasksCreated > 0 && taskId.StartsWith($"{account.Id}:T-", StringComparison.Ordinal)
            ? Decision.Unchanged // done already: a repeat changes nothing
            : Decision.NotAllowed("taskId", $"No task '{taskId}' on this account.");
    }
}

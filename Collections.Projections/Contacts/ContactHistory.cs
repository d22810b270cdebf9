using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Tasks;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Collections.Projections.Contacts;

/// <param name="Kind">sent (a message the policy sent), logged (a call or meeting a person logged),
/// task (work created for a person), done (a task completed).</param>
/// <param name="Text">The rendered message, call script or summary: exactly what was said.</param>
public sealed record ContactEntry(
    DateTimeOffset At,
    string Kind,
    Channel Channel,
    string? Direction,
    string From,
    string? To,
    string? Subject,
    string Text,
    string Outcome,
    long Version);

/// <summary>Every contact with the debtor, in order, as an auditor replays it.</summary>
public sealed class ContactHistory
{
    public string Id { get; set; } = "";
    public List<ContactEntry> Entries { get; set; } = [];
}

public class ContactHistoryProjection : SingleStreamProjection<ContactHistory, string>
{
    public override ContactHistory? Evolve(ContactHistory? snapshot, string id, IEvent e)
    {
        var entry = e.Data switch
        {
            ReminderSent sent => new ContactEntry(sent.SentAt, "sent", sent.Channel, "outbound", sent.Sender,
                $"{sent.RecipientContactId} ({sent.RecipientRole})", sent.Subject, sent.RenderedText,
                sent.Channel == Channel.Email ? "emailed" : "queued for posting", e.Version),
            ContactLogged logged => new ContactEntry(logged.OccurredAt, "logged", logged.Channel,
                logged.Direction.ToString().ToLowerInvariant(), logged.LoggedBy, logged.ContactId, null, logged.Summary,
                logged.Outcome.ToString(), e.Version),
            CollectionTaskCreated task => new ContactEntry(task.DueAt, "task", task.Channel, "outbound",
                $"{task.Assignee} ({task.AssigneeRole})", $"{task.ContactId} ({task.ContactRole})", task.TaskId,
                task.Instructions, "open", e.Version),
            CollectionTaskCompleted done => new ContactEntry(done.CompletedAt, "done",
                snapshot?.Entries.LastOrDefault(t => t.Kind == "task" && t.Subject == done.TaskId)?.Channel ?? Channel.Phone, null,
                done.CompletedBy, null, done.TaskId, done.Note, "completed", e.Version),
            _ => null
        };
        if (entry is null) return snapshot;

        var history = snapshot ?? new ContactHistory { Id = id };
        history.Entries.Add(entry);
        return history;
    }
}

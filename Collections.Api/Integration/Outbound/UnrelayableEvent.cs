using System.Diagnostics.CodeAnalysis;
using Collections.Api.Integration.Contract;
using JasperFx.Events;
using Marten;
using Wolverine;

namespace Collections.Api.Integration.Outbound;

/// <summary>
/// A stored event the relay could not turn into its public form. It goes straight to Wolverine's dead-letter
/// table (with the reason), so the relay moves on and an operator can list it and, once the cause is fixed,
/// replay it: the replay maps the event again and publishes it.
/// </summary>
/// <remarks>Sent for the event's tenant, so the replay reads the event in that tenant's session.</remarks>
public sealed record UnrelayableEvent(long Sequence, string Tenant, string AccountNumber, string EventType, string Reason);

public sealed class EventNotRelayableException(string message) : Exception(message);

public static class UnrelayableEventHandler
{
    public static async Task<PublishCloudEvent> Handle(UnrelayableEvent message, IQuerySession session, BrokerSettings broker)
    {
        var stored = await session.Events.QueryAllRawEvents().Where(e => e.Sequence == message.Sequence).SingleOrDefaultAsync();
        if (stored is null) throw new EventNotRelayableException($"Event {message.Sequence} is no longer in the store.");
        return stored.TryRelay(broker.Source, out var publish, out var reason)
            ? publish
            : throw new EventNotRelayableException(reason);
    }

    /// <summary>Maps an event to the message that publishes it; false (with the reason) for an event without a contract.</summary>
    public static bool TryRelay(this IEvent e, string source, [NotNullWhen(true)] out PublishCloudEvent? publish, out string reason)
    {
        publish = e.TryToCloudEvent(source, out var cloudEvent, out reason)
            ? new PublishCloudEvent(e.Sequence, cloudEvent.Tenant, cloudEvent.Subject, cloudEvent.Type, cloudEvent.ToJson())
            : null;
        return publish is not null;
    }
}

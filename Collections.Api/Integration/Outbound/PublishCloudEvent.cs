using Collections.Api.Integration.Contract;

namespace Collections.Api.Integration.Outbound;

/// <summary>
/// One collection event, already in its public form, waiting in the durable local queue for the broker.
/// The JSON is fixed when the event is relayed, so a retry publishes exactly the same bytes.
/// </summary>
public sealed record PublishCloudEvent(long Sequence, string Tenant, string AccountNumber, string Type, string CloudEventJson)
{
    public string RoutingKey => ContractMapping.RoutingKey(Tenant, Type);
}

public static class PublishCloudEventHandler
{
    /// <summary>
    /// Waits for the broker however long it is away (see <see cref="CloudEventPublisher"/>): order comes first.
    /// Wolverine's execution timeout cannot cut that short, as the publisher watches only the host's shutdown.
    /// </summary>
    public static Task Handle(PublishCloudEvent message, CloudEventPublisher publisher) => publisher.PublishAsync(message);
}

using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Collections.Api.Integration.Outbound;

/// <summary>
/// The single place that sees every collection event, whoever appended it (an endpoint, the dunning saga, the
/// late fee handler) and whichever tenant it belongs to: a Marten subscription reading the event store in global
/// sequence order. With tenants in databases of their own it runs once per database (an agent each, placed by
/// Wolverine), each in its database's order; an account lives in one database, so its order holds. Each event
/// carries its tenant into the CloudEvent and the routing key. Each page of
/// events becomes <see cref="PublishCloudEvent"/> messages in Wolverine's outbox, committed in the same
/// transaction as the subscription's progress, so every committed event is relayed at least once.
/// Tombstones are skipped; an event that cannot be mapped is dead-lettered (<see cref="UnrelayableEvent"/>),
/// never allowed to stop the relay.
/// </summary>
public sealed class IntegrationEventRelay : BatchSubscription
{
    public const string Name = "integration-events";
    private readonly BrokerSettings _broker;

    public IntegrationEventRelay(BrokerSettings broker) : base(Name)
    {
        _broker = broker;
        IncludeArchivedEvents = true;
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken cancellationToken)
    {
        foreach (var e in page.Events.Where(e => !e.IsTombstone()))
        {
            if (e.TryRelay(_broker.Source, out var publish, out var reason)) await bus.PublishAsync(publish);
            else
                await bus.PublishAsync(new UnrelayableEvent(e.Sequence, e.TenantId, e.StreamKey ?? "", e.EventTypeName, reason),
                    new DeliveryOptions { TenantId = e.TenantId });
        }
    }
}

using Collections.Api.Integration.Inbound;
using Collections.Api.Integration.Outbound;
using Wolverine;
using Wolverine.Marten;
using Wolverine.ErrorHandling;
using Wolverine.RabbitMQ;

namespace Collections.Api.Integration;

public static class IntegrationSetup
{
    /// <summary>Outbound events to RabbitMQ through the outbox, the billing queue, and the HTTP feed (docs/events.md).</summary>
    public static WebApplicationBuilder AddIntegration(this WebApplicationBuilder builder)
    {
        var broker = BrokerSettings.From(builder.Configuration);
        builder.Services.AddSingleton(broker);
        builder.Services.AddSingleton<CloudEventPublisher>();
        builder.Services.SubscribeToEventsWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton);
        builder.Services.ConfigureWolverine(opts =>
        {
            // One at a time, in the order relayed: per-account order holds on the exchange. Durable (like every
            // local queue here), so an event waiting for the broker survives a restart.
            opts.PublishMessage<PublishCloudEvent>().ToLocalQueue("integration-events").Sequential();
            // An event without a public contract, or one the broker refuses: an operator's case, not a retry's.
            opts.Policies.OnException<EventNotRelayableException>().MoveToErrorQueue();
            // Stopping before the broker confirmed: the event stays in the inbox for the next node or start.
            opts.Policies.OnException<PublishingInterruptedException>().RequeueIndefinitely();

            // Billing in through Wolverine's RabbitMQ transport: the queue is declared at start-up, each message is
            // kept in the durable inbox until its command commits, one at a time (billing's order), and a message
            // that cannot be processed is dead-lettered with its reason where every dead letter is
            // (/api/dead-letters), to be replayed once its cause is fixed.
            opts.UseRabbitMq(broker.Uri).AutoProvision();
            opts.ListenToRabbitQueue(Topology.BillingQueue)
                .DisableDeadLetterQueueing()
                .UseInterop(new BillingAmqpProperties())
                .DefaultIncomingMessage<BillingDelivery>()
                .DefaultSerializer(new BillingBodySerializer())
                .UseDurableInbox()
                .Sequential();
            opts.Policies.OnException<BillingMessageRefused>().MoveToErrorQueue();
        });
        return builder;
    }
}

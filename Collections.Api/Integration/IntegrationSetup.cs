using Collections.Api.Integration.Inbound;
using Collections.Api.Integration.Outbound;
using Wolverine;
using Wolverine.Marten;

namespace Collections.Api.Integration;

public static class IntegrationSetup
{
    /// <summary>Outbound events to RabbitMQ through the outbox, the billing queue, and the HTTP feed (docs/events.md).</summary>
    public static WebApplicationBuilder AddIntegration(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(BrokerSettings.From(builder.Configuration));
        builder.Services.AddSingleton<CloudEventPublisher>();
        builder.Services.AddHostedService<BillingConsumer>();
        builder.Services.SubscribeToEventsWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton);
        builder.Services.ConfigureWolverine(opts =>
            // One at a time, in the order relayed: per-account order holds on the exchange. Durable (like every
            // local queue here), so an event waiting for the broker survives a restart.
            opts.PublishMessage<PublishCloudEvent>().ToLocalQueue("integration-events").Sequential());
        return builder;
    }
}

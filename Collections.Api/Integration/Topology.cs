using RabbitMQ.Client;

namespace Collections.Api.Integration;

/// <summary>The RabbitMQ names in the public contract (docs/events.md); declared idempotently by whoever connects first.</summary>
public static class Topology
{
    /// <summary>Topic exchange carrying every collection event, routing key = tenant + "." + CloudEvents type.</summary>
    public const string EventsExchange = "collections.events";

    /// <summary>Where upstream billing sends invoices and payments (read through Wolverine's RabbitMQ transport).</summary>
    public const string BillingQueue = "collections.billing";

    public static async Task DeclareAsync(IChannel channel, CancellationToken token)
    {
        await channel.ExchangeDeclareAsync(EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: token);
        await channel.QueueDeclareAsync(BillingQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: token);
    }
}

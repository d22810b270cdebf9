using System.Text;
using Collections.Api.Tenancy;
using RabbitMQ.Client;
using Wolverine;
using Wolverine.RabbitMQ.Internal;
using Wolverine.Runtime.Serialization;

namespace Collections.Api.Integration.Inbound;

/// <summary>One message from the billing queue as billing sent it: a CloudEvent in structured JSON mode, not yet read.</summary>
public sealed record BillingDelivery(string Body);

/// <summary>
/// Billing speaks CloudEvents, not Wolverine's envelope: every message on the queue is a <see cref="BillingDelivery"/>
/// whatever its headers say, its id is the AMQP message id when billing set one.
/// </summary>
public sealed class BillingAmqpProperties : IRabbitMqEnvelopeMapper
{
    public void MapIncomingToEnvelope(Envelope envelope, IReadOnlyBasicProperties incoming)
    {
        envelope.ContentType = BillingBodySerializer.MediaType;
        envelope.MessageType = typeof(BillingDelivery).FullName;
        if (Guid.TryParse(incoming.MessageId, out var id)) envelope.Id = id;
    }

    public void MapEnvelopeToOutgoing(Envelope envelope, IBasicProperties outgoing) =>
        throw new NotSupportedException("The billing queue is receive-only.");
}

/// <summary>Hands the body over as text; <see cref="BillingMessageParser"/> reads it, and refuses what it cannot read.</summary>
public sealed class BillingBodySerializer : IMessageSerializer
{
    public const string MediaType = "application/cloudevents+json";

    public string ContentType => MediaType;

    public byte[] Write(Envelope envelope) => WriteMessage(envelope.Message!);

    public byte[] WriteMessage(object message) => Encoding.UTF8.GetBytes(((BillingDelivery)message).Body);

    public object ReadFromData(Type messageType, Envelope envelope) => ReadFromData(envelope.Data!);

    public object ReadFromData(byte[] data) => new BillingDelivery(Encoding.UTF8.GetString(data));
}

public static class BillingDeliveryHandler
{
    /// <summary>
    /// Parsed, then carried out like the HTTP command for the tenant the message names (in a single-tenant installation,
    /// <see cref="Tenants.Default"/> if it names none); a refusal, an unknown tenant included, is dead-lettered with its reason.
    /// </summary>
    public static async Task Handle(BillingDelivery delivery, IMessageBus bus, Tenants tenants)
    {
        var message = BillingMessageParser.Parse(Encoding.UTF8.GetBytes(delivery.Body));
        var tenant = message.Tenant ?? tenants.Implicit ?? throw new BillingMessageRefused(
            $"{BillingMessageParser.TenantAttribute}: is required; this service serves several tenants.");
        if (!tenants.IsKnown(tenant))
            throw new BillingMessageRefused($"{BillingMessageParser.TenantAttribute}: '{tenant}' is not a tenant of this service.");
        await bus.InvokeForTenantAsync(tenant, message.Command);
    }
}

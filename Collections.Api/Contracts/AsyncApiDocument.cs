using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Collections.Api.Integration;
using Collections.Api.Integration.Contract;

namespace Collections.Api.Contracts;

/// <summary>
/// The AsyncAPI 3.0 document of the events on RabbitMQ: the topic exchange, one message per CloudEvents type
/// (the routing key is the tenant, a dot, the type), and each message's payload as JSON Schema, generated from the contract records with
/// System.Text.Json's schema exporter so it cannot drift from what the relay writes.
/// </summary>
public static class AsyncApiDocument
{
    public const string Path = "/asyncapi.json";

    public static JsonObject Build(BrokerSettings broker)
    {
        var schemas = new JsonObject();
        var messages = new JsonObject();
        var channelMessages = new JsonObject();
        foreach (var data in ContractMapping.DataTypes)
        {
            var type = ContractMapping.TypeOf(data);
            var key = data.Name;
            schemas[key] = Schema(data);
            messages[key] = new JsonObject
            {
                ["name"] = type,
                ["title"] = type,
                ["contentType"] = CloudEvent.ContentType,
                ["payload"] = Envelope(type, $"#/components/schemas/{key}"),
                ["bindings"] = new JsonObject { ["amqp"] = new JsonObject { ["contentEncoding"] = "utf-8", ["messageType"] = type, ["bindingVersion"] = "0.3.0" } }
            };
            channelMessages[key] = new JsonObject { ["$ref"] = $"#/components/messages/{key}" };
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Collections events",
                ["version"] = "1",
                ["description"] = "Every collection event, as a CloudEvents 1.0 JSON document (structured mode), published to the topic " +
                                  $"exchange {Topology.EventsExchange} with the routing key '<tenant>.<CloudEvents type>'. AMQP properties: message-id = " +
                                  "the event's sequence, type = the CloudEvents type, persistent, headers 'subject' = the account number " +
                                  "and 'tenant' = the tenant. Deduplicate on (tenant, id): a tenant with a database of its own " +
                                  "numbers its events itself. Per-account order: accountversion. See docs/events.md."
            },
            ["defaultContentType"] = CloudEvent.ContentType,
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject { ["host"] = $"{broker.Uri.Host}:{broker.Uri.Port}", ["protocol"] = broker.Uri.Scheme, ["protocolVersion"] = "0.9.1" }
            },
            ["channels"] = new JsonObject
            {
                ["collectionEvents"] = new JsonObject
                {
                    ["address"] = "{tenant}.{type}",
                    ["description"] = "Routing keys on the topic exchange; bind a queue to 'acme.#' for every event of tenant acme, " +
                                      "'*.collections.payment_received.v1' for one type of every tenant, '#' for everything.",
                    ["parameters"] = new JsonObject
                    {
                        ["tenant"] = new JsonObject { ["description"] = "The tenant (creditor company); 'default' in a single-tenant installation." },
                        ["type"] = new JsonObject { ["description"] = "The CloudEvents type, e.g. collections.payment_received.v1." }
                    },
                    ["messages"] = channelMessages,
                    ["bindings"] = new JsonObject
                    {
                        ["amqp"] = new JsonObject
                        {
                            ["is"] = "routingKey",
                            ["exchange"] = new JsonObject { ["name"] = Topology.EventsExchange, ["type"] = "topic", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/" },
                            ["bindingVersion"] = "0.3.0"
                        }
                    }
                }
            },
            ["operations"] = new JsonObject
            {
                ["publishCollectionEvent"] = new JsonObject
                {
                    ["action"] = "send",
                    ["channel"] = new JsonObject { ["$ref"] = "#/channels/collectionEvents" },
                    ["messages"] = new JsonArray(ContractMapping.DataTypes.Select(d => (JsonNode)new JsonObject
                        { ["$ref"] = $"#/channels/collectionEvents/messages/{d.Name}" }).ToArray())
                }
            },
            ["components"] = new JsonObject { ["schemas"] = schemas, ["messages"] = messages }
        };
    }

    /// <summary>The CloudEvent around one type's data, as <see cref="CloudEvent"/> writes it.</summary>
    private static JsonObject Envelope(string type, string dataReference)
    {
        JsonObject Text(bool nullable = false) => new() { ["type"] = nullable ? new JsonArray("string", "null") : "string" };
        var properties = new JsonObject
        {
            ["specversion"] = new JsonObject { ["const"] = ContractMapping.SpecVersion },
            ["id"] = new JsonObject { ["type"] = "string", ["description"] = "The event's sequence in its tenant's database, as a string. Ids repeat across tenants with databases of their own: deduplicate on (tenant, id)." },
            ["source"] = Text(),
            ["type"] = new JsonObject { ["const"] = type },
            ["subject"] = new JsonObject { ["type"] = "string", ["description"] = "The account number (unique within its tenant)." },
            ["tenant"] = new JsonObject { ["type"] = "string", ["description"] = "The tenant whose account it is; the first word of the routing key." },
            ["time"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["datacontenttype"] = new JsonObject { ["const"] = "application/json" },
            ["sequence"] = new JsonObject { ["type"] = "integer", ["description"] = "Position in the event store of the tenant's database; the tenant's feed's cursor." },
            ["accountversion"] = new JsonObject { ["type"] = "integer", ["description"] = "Position in the account's stream, from 1: per-account order." },
            ["correlationid"] = Text(nullable: true),
            ["actor"] = Text(nullable: true),
            ["data"] = new JsonObject { ["$ref"] = dataReference }
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray(properties.Select(p => (JsonNode)p.Key).ToArray()),
            ["properties"] = properties
        };
    }

    /// <summary>Nested contract records (amounts, allocations) are written in place.</summary>
    private static JsonNode Schema(Type type) =>
        CloudEvent.Json.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
}

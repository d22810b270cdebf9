using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collections.Api.Integration.Contract;

/// <summary>
/// A collection event as subscribers see it: CloudEvents 1.0 in structured JSON mode. The envelope and every
/// <c>data</c> type are the public contract (docs/events.md); internal event records may change, these may not.
/// A breaking change to a data type becomes a new <c>type</c> ending in the next version, published alongside.
/// </summary>
/// <param name="Id">
/// The event's sequence number in its database, as a string. A tenant with a database of its own has its own sequence,
/// so ids repeat across tenants: (<paramref name="Tenant"/>, id) is the key to deduplicate on.
/// </param>
/// <param name="Subject">The account number (unique within its tenant).</param>
/// <param name="Tenant">Extension: the creditor company whose account it is; the first word of the routing key.</param>
/// <param name="Sequence">Extension: position in the event store of the tenant's database, the tenant's catch-up feed's cursor.</param>
/// <param name="AccountVersion">Extension: position in the account's stream, from 1; per-account order.</param>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("accountversion")] long AccountVersion,
    [property: JsonPropertyName("correlationid")] string? CorrelationId,
    [property: JsonPropertyName("actor")] string? Actor,
    [property: JsonPropertyName("data")] object Data)
{
    public const string ContentType = "application/cloudevents+json";

    /// <summary>How the contract is written: camelCase data, ISO 8601 dates, numbers for amounts.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

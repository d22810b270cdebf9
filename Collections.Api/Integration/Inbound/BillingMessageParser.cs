using System.Text.Json;
using Collections.Api.Infrastructure;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;

namespace Collections.Api.Integration.Inbound;

/// <summary>
/// Reads a billing message: a CloudEvent in structured JSON mode whose data is the HTTP request body, and whose
/// extension attribute <c>tenant</c> names the creditor company it is for (optional in a single-tenant installation).
/// </summary>
/// <param name="Tenant">The tenant the message names, or null when it names none.</param>
public sealed record ParsedBillingMessage(string? Tenant, object Command);

public static class BillingMessageParser
{
    public const string InvoiceType = "billing.invoice_issued.v1";
    public const string PaymentType = "billing.payment_received.v1";

    private static readonly JsonSerializerOptions DataJson = CreateDataJson();

    public const string TenantAttribute = "tenant";

    public static ParsedBillingMessage Parse(ReadOnlySpan<byte> body)
    {
        JsonElement root;
        try
        {
            // Cloned so the pooled buffers of the document go back at once.
            using var document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BillingMessageRefused($"The body is not JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object) throw new BillingMessageRefused("The body must be a CloudEvent JSON object.");
        if (Text(root, "specversion") != "1.0") throw new BillingMessageRefused("specversion: must be \"1.0\".");
        var id = Required(root, "id");
        var source = Required(root, "source");
        var type = Required(root, "type");
        var account = Required(root, "subject");
        var tenant = Optional(root, TenantAttribute);
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            throw new BillingMessageRefused("data: must be a JSON object.");

        return new ParsedBillingMessage(tenant, type switch
        {
            InvoiceType => new BillingInvoice(id, source, account, Data<IssueInvoice>(data)),
            PaymentType => new BillingPayment(id, source, account, Data<RecordPayment>(data)),
            _ => throw new BillingMessageRefused($"type: '{type}' is not one of {InvoiceType}, {PaymentType}.")
        });
    }

    private static T Data<T>(JsonElement data)
    {
        try
        {
            return data.Deserialize<T>(DataJson) ?? throw new BillingMessageRefused("data: must not be null.");
        }
        catch (JsonException e)
        {
            throw new BillingMessageRefused($"data{e.Path?.TrimStart('$')}: {e.Message}");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Optional(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text
        : throw new BillingMessageRefused($"{name}: must be a non-empty string when present.");

    private static string Required(JsonElement root, string name) =>
        Text(root, name) is { Length: > 0 } value ? value : throw new BillingMessageRefused($"{name}: is required.");

    /// <summary>The HTTP API's rules: camelCase, enums as strings, unknown fields refused.</summary>
    private static JsonSerializerOptions CreateDataJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CollectionsSetup.ConfigureJson(options);
        return options;
    }
}

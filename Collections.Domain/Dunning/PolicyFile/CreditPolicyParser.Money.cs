using Collections.Domain.Common;
using System.Text.Json;

namespace Collections.Domain.Dunning.PolicyFile;

public static partial class CreditPolicyParser
{
    /// <summary>
    /// An amount threshold names its currency, <c>{ "amount": 25000, "currency": "EUR" }</c>; amounts in other
    /// currencies are converted into it (the deployment's exchange rates). A bare number is refused with that form
    /// spelt out, since a policy written before thresholds had currencies would otherwise compare yen with euros.
    /// </summary>
    private static Money ParseThreshold(JsonElement element, string path, Action<string, string> error)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            error(path, "is required, e.g. { \"amount\": 25000, \"currency\": \"EUR\" }.");
            return new Money(0, "");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error(path, "must name its currency, e.g. { \"amount\": 25000, \"currency\": \"EUR\" }.");
            return new Money(0, "");
        }

        ThresholdFile? threshold;
        try
        {
            threshold = element.Deserialize<ThresholdFile>(Json);
        }
        catch (JsonException e)
        {
            error(path, e.Message);
            return new Money(0, "");
        }

        var currency = threshold?.Currency ?? "";
        if (!CurrencyCode.IsKnown(currency)) error($"{path}.currency", "is required: an ISO 4217 currency code such as \"EUR\".");
        if (threshold is null || threshold.Amount <= 0) error($"{path}.amount", "must be greater than zero.");
        return new Money(threshold?.Amount ?? 0, currency);
    }

    private sealed record ThresholdFile(decimal Amount, string? Currency);
}

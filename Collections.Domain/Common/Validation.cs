namespace Collections.Domain.Common;

/// <summary>Collects every field error of a command, so the caller hears about all of them at once.</summary>
/// <remarks>
/// Enums in commands start at 1, so a value the caller left out (0) reads as missing rather than as a
/// silently chosen default.
/// </remarks>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public Validation When(bool failed, string field, string message) => failed ? Add(field, message) : this;

    public Validation Required(string? value, string field) =>
        When(string.IsNullOrWhiteSpace(value), field, "is required.");

    public Validation Required(object? value, string field) => When(value is null, field, "is required.");

    public Validation Required(DateOnly value, string field) => When(value == default, field, "is required.");

    public Validation Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum =>
        When(!Enum.IsDefined(value), field,
            Convert.ToInt32(value) == 0 ? "is required." : $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    public Validation Positive(decimal amount, string field) =>
        When(amount <= 0, field, "must be greater than zero.");

    public Validation Currency(string? code, string field) =>
        string.IsNullOrWhiteSpace(code) ? Add(field, "is required.")
            : When(!CurrencyCode.IsKnown(code), field, $"'{code}' is not an ISO 4217 currency code.");

    /// <summary>An amount of 10.005 EUR cannot be paid; refuse it rather than round it silently.</summary>
    public Validation FitsCurrency(decimal amount, string? currency, string field) =>
        When(currency is not null && CurrencyCode.IsKnown(currency)
             && decimal.Round(amount, CurrencyCode.MinorUnits(currency)) != amount,
            field, $"has more decimals than {currency} allows.");

    public Validation MaxLength(string? value, int max, string field) =>
        When(value is not null && value.Length > max, field, $"must be at most {max} characters.");

    public Decision Reject() => Decision.Reject(new Rejection(RejectionKind.Invalid,
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray())));
}

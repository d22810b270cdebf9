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

    /// <summary>An identifier or a name: at most <paramref name="max"/> characters on one line, no control characters.</summary>
    public Validation Line(string? value, int max, string field) =>
        MaxLength(value, max, field)
            .When(value is not null && value.Any(char.IsControl), field, "must be one line without control characters.");

    /// <summary>Free text: at most <paramref name="max"/> characters (line breaks and tabs allowed).</summary>
    public Validation Text(string? value, int max, string field) => MaxLength(value, max, field);

    /// <summary>More than zero (or zero, if allowed), at most <see cref="InputLimits.MaxAmount"/>, and in the currency's decimals.</summary>
    public Validation Amount(decimal amount, string? currency, string field, bool zeroAllowed = false) =>
        When(zeroAllowed ? amount < 0 : amount <= 0, field, zeroAllowed ? "must not be negative." : "must be greater than zero.")
            .When(amount > InputLimits.MaxAmount, field, $"must be at most {InputLimits.MaxAmount:0}.")
            .FitsCurrency(amount, currency, field);

    /// <summary>A required calendar date between <see cref="InputLimits.MinDate"/> and <see cref="InputLimits.MaxDate"/>.</summary>
    public Validation Date(DateOnly value, string field) =>
        value == default ? Add(field, "is required.")
            : When(value < InputLimits.MinDate || value > InputLimits.MaxDate, field,
                $"must be between {InputLimits.MinDate:yyyy-MM-dd} and {InputLimits.MaxDate:yyyy-MM-dd}.");

    /// <summary>An optional instant no earlier than <see cref="InputLimits.MinInstant"/> and at most five minutes ahead of now.</summary>
    public Validation Instant(DateTimeOffset? value, DateTimeOffset now, string field) =>
        When(value < InputLimits.MinInstant, field, $"must not be before {InputLimits.MinInstant:yyyy-MM-dd}.")
            .When(value > now.AddMinutes(5), field, "must not be in the future.");

    public Validation Items(int count, int max, string field) =>
        When(count > max, field, $"must have at most {max} items.");

    /// <param name="kind">Invalid for a malformed command; NotAllowed for rules of the account or the policy, all heard at once.</param>
    public Decision Reject(RejectionKind kind = RejectionKind.Invalid) => Decision.Reject(new Rejection(kind,
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray())));
}

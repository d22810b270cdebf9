using Collections.Domain.Common;
using Collections.Domain.Currencies;
using System.Globalization;

namespace Collections.Api.Currencies;

/// <summary>
/// Reads the deployment's exchange-rate table, <c>Collections:ExchangeRates</c>: <c>Base</c> (an ISO 4217 code),
/// <c>MaxAgeDays</c> (default 7) and <c>Rates:&lt;currency&gt;:&lt;yyyy-MM-dd&gt;</c> = units of that currency per one unit
/// of the base. Every error stops start-up, naming its key. Without the section: no table, and only amounts in a
/// threshold's own currency can be measured.
/// </summary>
public static class ExchangeRateSetup
{
    public const string Section = "Collections:ExchangeRates";
    private static readonly string[] Keys = ["Base", "MaxAgeDays", "Rates"];

    // Bounded so that no conversion can overflow a decimal: a cross rate is at most 10^12, an amount at most 10^12.
    private const decimal MinRate = 0.000001m;
    private const decimal MaxRate = 1_000_000m;

    public static ExchangeRates Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (!section.GetChildren().Any()) return ExchangeRates.None;

        var errors = new List<string>();
        errors.AddRange(section.GetChildren().Select(c => c.Key).Except(Keys, StringComparer.OrdinalIgnoreCase)
            .Select(key => $"{Section}:{key}: unknown setting; the table has {string.Join(", ", Keys)}."));

        var baseCurrency = section["Base"];
        if (baseCurrency is null || !CurrencyCode.IsKnown(baseCurrency))
            errors.Add($"{Section}:Base: '{baseCurrency}' is not an ISO 4217 currency code (the currency the rates are quoted against).");

        var maxAge = ExchangeRates.DefaultMaxAgeDays;
        if (section["MaxAgeDays"] is { } age && (!int.TryParse(age, NumberStyles.None, CultureInfo.InvariantCulture, out maxAge) || maxAge > 366))
            errors.Add($"{Section}:MaxAgeDays: '{age}' is not a whole number of days from 0 to 366.");

        var rates = new List<ExchangeRate>();
        foreach (var currency in section.GetSection("Rates").GetChildren())
        {
            var at = $"{Section}:Rates:{currency.Key}";
            if (!CurrencyCode.IsKnown(currency.Key)) errors.Add($"{at}: '{currency.Key}' is not an ISO 4217 currency code.");
            else if (currency.Key == baseCurrency) errors.Add($"{at}: the base currency has no rate (it is 1).");
            if (!currency.GetChildren().Any()) errors.Add($"{at}: needs at least one dated rate, e.g. {at}:2026-11-20 = 1.0812.");
            foreach (var dated in currency.GetChildren())
            {
                if (!DateOnly.TryParseExact(dated.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    errors.Add($"{at}:{dated.Key}: '{dated.Key}' is not a date like 2026-11-20.");
                else if (!decimal.TryParse(dated.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
                         || rate is < MinRate or > MaxRate)
                    errors.Add($"{at}:{dated.Key}: '{dated.Value}' is not a rate: a number from 0.000001 to 1000000, with '.' for decimals.");
                else rates.Add(new ExchangeRate(currency.Key, date, rate));
            }
        }

        return errors.Count == 0
            ? new ExchangeRates(baseCurrency, maxAge, rates)
            : throw new InvalidOperationException($"The exchange rates ({Section}) have {errors.Count} error(s):\n  " + string.Join("\n  ", errors));
    }
}

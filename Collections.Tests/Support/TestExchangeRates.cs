using System.Globalization;

namespace Collections.Tests.Support;

/// <summary>The exchange-rate table the test host runs with: EUR-based rates dated three days before the escalation tests' due date.</summary>
public static class TestExchangeRates
{
    public static readonly DateOnly RateDate = DateOnly.FromDateTime(TestClock.Start.UtcDateTime).AddDays(11);

    public const decimal JpyPerEur = 165.20m;
    public const decimal UsdPerEur = 1.08m;

    /// <summary>As environment variables; no CHF rate, so that a currency without one can be tried.</summary>
    public static IReadOnlyList<(string Key, string Value)> Settings =>
    [
        ("Collections__ExchangeRates__Base", "EUR"),
        ($"Collections__ExchangeRates__Rates__JPY__{RateDate:yyyy-MM-dd}", JpyPerEur.ToString(CultureInfo.InvariantCulture)),
        ($"Collections__ExchangeRates__Rates__USD__{RateDate:yyyy-MM-dd}", UsdPerEur.ToString(CultureInfo.InvariantCulture))
    ];
}

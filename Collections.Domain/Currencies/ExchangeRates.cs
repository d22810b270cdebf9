using Collections.Domain.Common;

namespace Collections.Domain.Currencies;

/// <summary>One published rate: one unit of the table's base currency is worth <paramref name="PerBase"/> units of <paramref name="Currency"/> on <paramref name="Date"/>.</summary>
public sealed record ExchangeRate(string Currency, DateOnly Date, decimal PerBase);

/// <summary>
/// The deployment's exchange-rate table (configuration <c>Collections:ExchangeRates</c>): dated rates against one base
/// currency. A rate is used from its date on, for at most <see cref="MaxAgeDays"/> days; a currency without such a rate
/// cannot be converted, and the caller decides on the safe side (see <see cref="Measurement"/>).
/// </summary>
/// <remarks>
/// Written here rather than taken from a money library: the domain references no packages, none is served here
/// (NodaMoney is not), and what is needed is a dated lookup, a division and a rounding, each recorded for the audit.
/// </remarks>
public sealed class ExchangeRates
{
    /// <summary>No table configured: only amounts already in the threshold's currency can be measured.</summary>
    public static readonly ExchangeRates None = new(null, DefaultMaxAgeDays, []);

    /// <summary>A week: a rate published on Friday still serves the following Thursday, across a weekend and a bank holiday.</summary>
    public const int DefaultMaxAgeDays = 7;

    /// <summary>Rates of converted amounts keep this many decimals: enough for the smallest currencies against the largest.</summary>
    public const int RateDecimals = 12;

    private readonly Dictionary<string, ExchangeRate[]> _byCurrency;

    public ExchangeRates(string? baseCurrency, int maxAgeDays, IEnumerable<ExchangeRate> rates)
    {
        Base = baseCurrency;
        MaxAgeDays = maxAgeDays;
        _byCurrency = rates.GroupBy(r => r.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Date).ToArray(), StringComparer.Ordinal);
    }

    public string? Base { get; }
    public int MaxAgeDays { get; }

    /// <summary><paramref name="amount"/> in <paramref name="into"/>, at the newest rates published on or before <paramref name="on"/>.</summary>
    public Conversion Convert(Money amount, string into, DateOnly on)
    {
        if (amount.Currency == into) return new Conversion(amount, into, amount, 1m, null, null);
        var from = Quote(amount.Currency, on);
        var to = Quote(into, on);
        if ((from.Unavailable ?? to.Unavailable) is { } why) return new Conversion(amount, into, null, null, null, why);

        var rate = decimal.Round(to.PerBase / from.PerBase, RateDecimals);
        var converted = decimal.Round(amount.Amount * rate, CurrencyCode.MinorUnits(into), MidpointRounding.AwayFromZero);
        // Of two dated rates (a cross rate through the base), the older one says how current the conversion is.
        var date = new[] { from.Date, to.Date }.Where(d => d is not null).Min();
        return new Conversion(amount, into, new Money(converted, into), rate, date, null);
    }

    private (decimal PerBase, DateOnly? Date, string? Unavailable) Quote(string currency, DateOnly on)
    {
        if (Base is null) return (0, null, "no exchange rates are configured");
        if (currency == Base) return (1m, null, null);
        if (!_byCurrency.TryGetValue(currency, out var rates)) return (0, null, $"no {currency} rate is configured");
        if (rates.FirstOrDefault(r => r.Date <= on) is not { } newest)
            return (0, null, $"no {currency} rate is dated on or before {on:yyyy-MM-dd}");
        var age = on.DayNumber - newest.Date.DayNumber;
        return age > MaxAgeDays
            ? (0, null, $"the newest {currency} rate, of {newest.Date:yyyy-MM-dd}, is {age} days old (at most {MaxAgeDays} are accepted)")
            : (newest.PerBase, newest.Date, null);
    }
}

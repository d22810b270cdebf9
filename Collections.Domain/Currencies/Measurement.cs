using Collections.Domain.Common;
using System.Globalization;

namespace Collections.Domain.Currencies;

/// <summary>
/// A balance in any number of currencies measured against a threshold in one: every amount converted into the
/// threshold's currency and added up. An amount that cannot be converted counts as reaching the threshold, the safe
/// side for every threshold the policy has (more senior attention, a second approver), and says so.
/// </summary>
public sealed record Measurement(Money Threshold, Money Total, IReadOnlyList<Conversion> Conversions)
{
    public static Measurement Of(IEnumerable<Money> amounts, Money threshold, ExchangeRates rates, DateOnly on)
    {
        var conversions = amounts.Select(a => rates.Convert(a, threshold.Currency, on)).ToList();
        var total = conversions.Sum(c => c.To?.Amount ?? 0m);
        return new Measurement(threshold, new Money(total, threshold.Currency), conversions);
    }

    public bool Unconvertible => Conversions.Any(c => c.To is null);

    public bool Reaches => Unconvertible || Total.Amount >= Threshold.Amount;

    /// <summary>For the record: "30,000 JPY = 181.60 EUR (rate 0.006053268765 of 2031-03-14): below 25,000.00 EUR".</summary>
    public string Describe()
    {
        var parts = string.Join(" + ", Conversions.Select(c => c switch
        {
            { To: null } => $"{Written(c.From)} ({c.Unavailable})",
            { RateDate: null } => Written(c.From),
            _ => $"{Written(c.From)} = {Written(c.To)} (rate {c.Rate!.Value.ToString("0.############", CultureInfo.InvariantCulture)} of {c.RateDate:yyyy-MM-dd})"
        }));
        if (Unconvertible) return $"{parts}: cannot be measured in {Threshold.Currency}, so counted as at least {Written(Threshold)}";
        var total = Conversions.Count == 1 ? "" : $" = {Written(Total)}";
        return $"{parts}{total}: {(Reaches ? "at least" : "below")} {Written(Threshold)}";
    }

    /// <summary>With a thousands separator and the currency's decimals, as the messages write amounts.</summary>
    public static string Written(Money money) =>
        $"{money.Amount.ToString("N" + CurrencyCode.MinorUnits(money.Currency), CultureInfo.InvariantCulture)} {money.Currency}";
}

using Collections.Domain.Common;
using Collections.Domain.Currencies;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Invoicing;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

/// <summary>Money in one yardstick: every amount is measured in the threshold's currency, at a dated rate.</summary>
public class OneYardstickRules
{
    private static readonly DateOnly RatesOf = Today.AddDays(-3);
    private static readonly Money HighValue = new(25_000m, "EUR");

    private static readonly ExchangeRates Rates = new("EUR", 7,
    [
        new ExchangeRate("JPY", RatesOf, 165.20m),
        new ExchangeRate("USD", RatesOf, 1.08m),
        new ExchangeRate("GBP", RatesOf.AddDays(-1), 0.85m),
        new ExchangeRate("USD", Today.AddDays(2), 2.00m), // published after the decision: never used for it
        new ExchangeRate("SEK", Today.AddDays(-20), 11.50m)
    ]);

    private static Measurement Measure(params Money[] amounts) => Measurement.Of(amounts, HighValue, Rates, Today);

    [Fact]
    public void thirty_thousand_yen_is_measured_in_euros_and_falls_below_the_threshold()
    {
        var measured = Measure(new Money(30_000m, "JPY"));

        measured.Reaches.ShouldBeFalse();
        measured.Total.ShouldBe(new Money(181.60m, "EUR"));
        var conversion = measured.Conversions.ShouldHaveSingleItem();
        conversion.Rate.ShouldBe(0.006053268765m); // 1 / 165.20, to 12 decimals
        conversion.RateDate.ShouldBe(RatesOf);
        conversion.To.ShouldBe(new Money(181.60m, "EUR"));
        measured.Describe().ShouldBe("30,000 JPY = 181.60 EUR (rate 0.006053268765 of 2026-11-20): below 25,000.00 EUR");
    }

    [Fact]
    public void thirty_thousand_dollars_reaches_it()
    {
        var measured = Measure(new Money(30_000m, "USD"));

        measured.Reaches.ShouldBeTrue();
        measured.Total.ShouldBe(new Money(27_777.78m, "EUR"));
        measured.Conversions.ShouldHaveSingleItem().RateDate.ShouldBe(RatesOf, "the rate of the day after is not known yet");
    }

    [Fact]
    public void balances_in_several_currencies_are_added_up_in_the_threshold_currency()
    {
        var measured = Measure(new Money(15_000m, "EUR"), new Money(15_000m, "USD"));

        measured.Total.ShouldBe(new Money(28_888.89m, "EUR"));
        measured.Reaches.ShouldBeTrue("neither alone reaches 25,000 EUR, together they do");
        measured.Conversions[0].ShouldBe(new Conversion(new Money(15_000m, "EUR"), "EUR", new Money(15_000m, "EUR"), 1m, null, null));
    }

    [Fact]
    public void a_currency_with_no_rate_counts_as_reaching_the_threshold_and_says_why()
    {
        var measured = Measure(new Money(10m, "CHF"));

        measured.Reaches.ShouldBeTrue();
        var conversion = measured.Conversions.ShouldHaveSingleItem();
        conversion.To.ShouldBeNull();
        conversion.Unavailable.ShouldBe("no CHF rate is configured");
        measured.Describe().ShouldBe("10.00 CHF (no CHF rate is configured): cannot be measured in EUR, so counted as at least 25,000.00 EUR");
    }

    [Fact]
    public void a_rate_older_than_the_table_accepts_is_not_used()
    {
        var conversion = Measure(new Money(100m, "SEK")).Conversions.ShouldHaveSingleItem();

        conversion.To.ShouldBeNull();
        conversion.Unavailable.ShouldBe("the newest SEK rate, of 2026-11-03, is 20 days old (at most 7 are accepted)");
    }

    [Fact]
    public void a_rate_a_few_days_old_is_used_and_its_date_recorded() =>
        Rates.Convert(new Money(100m, "JPY"), "EUR", Today.AddDays(4)).RateDate.ShouldBe(RatesOf);

    [Fact]
    public void a_date_before_every_rate_has_none() =>
        Rates.Convert(new Money(100m, "JPY"), "EUR", RatesOf.AddDays(-1)).Unavailable
            .ShouldBe("no JPY rate is dated on or before 2026-11-19");

    [Fact]
    public void two_foreign_currencies_are_crossed_through_the_base_at_the_older_rates_date()
    {
        var conversion = Rates.Convert(new Money(1_000m, "USD"), "GBP", Today);

        conversion.Rate.ShouldBe(0.787037037037m); // 0.85 / 1.08
        conversion.To.ShouldBe(new Money(787.04m, "GBP"));
        conversion.RateDate.ShouldBe(RatesOf.AddDays(-1));
    }

    [Fact]
    public void without_a_table_only_the_thresholds_own_currency_is_measured()
    {
        Measurement.Of([new Money(30_000m, "EUR")], HighValue, ExchangeRates.None, Today).Reaches.ShouldBeTrue();
        Measurement.Of([new Money(100m, "EUR")], HighValue, ExchangeRates.None, Today).Reaches.ShouldBeFalse();
        ExchangeRates.None.Convert(new Money(100m, "JPY"), "EUR", Today).Unavailable.ShouldBe("no exchange rates are configured");
    }

    [Fact]
    public void thirty_thousand_yen_past_due_is_a_first_time_late_payer_and_the_conversion_is_recorded()
    {
        var due = Today.AddDays(-1);
        var account = Opened().With(new InvoiceIssued("INV-7", new Money(30_000m, "JPY"), due.AddDays(-30), due, null));
        var policy = DefaultPolicy.Policy with { ExchangeRates = Rates };

        var (_, result) = DunningProcess.Start(account, policy, account.StartOf(Today));

        var started = result.Events.OfType<DunningStarted>().ShouldHaveSingleItem();
        started.Segment.ShouldBe(CollectionSegment.FirstTimeLatePayer);
        started.SegmentReason.ShouldBe("past due 30,000 JPY = 181.60 EUR (rate 0.006053268765 of 2026-11-20): below 25,000.00 EUR");
        started.Conversions.ShouldNotBeNull().ShouldHaveSingleItem().To.ShouldBe(new Money(181.60m, "EUR"));
    }

    [Fact]
    public void without_a_rate_the_same_account_gets_the_high_value_ladder_and_the_account_shows_why()
    {
        var due = Today.AddDays(-1);
        var account = Opened().With(new InvoiceIssued("INV-7", new Money(30_000m, "JPY"), due.AddDays(-30), due, null));

        var s = new DunningSimulation(account, DefaultPolicy.Policy); // no exchange-rate table
        s.Start(account.StartOf(Today));

        s.Account.Dunning!.Segment.ShouldBe(CollectionSegment.HighValue);
        s.Account.Dunning.SegmentReason.ShouldBe(
            "past due 30,000 JPY (no exchange rates are configured): cannot be measured in EUR, so counted as at least 25,000.00 EUR");
        s.Account.Dunning.Conversions.ShouldHaveSingleItem().Unavailable.ShouldBe("no exchange rates are configured");
    }
}

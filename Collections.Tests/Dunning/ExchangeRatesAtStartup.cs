using Collections.Api.Currencies;
using Collections.Api.Tenancy;
using Collections.Domain.Common;
using Collections.Domain.Currencies;
using Microsoft.Extensions.Configuration;

namespace Collections.Tests.Dunning;

/// <summary>Collections:ExchangeRates as read at start-up: checked whole, every error naming its key, then given to every tenant's policy.</summary>
public class ExchangeRatesAtStartup
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "policies", "default.json");

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void without_the_section_there_is_no_table() =>
        ExchangeRateSetup.Load(Settings()).ShouldBeSameAs(ExchangeRates.None);

    [Fact]
    public void a_table_is_read_with_its_base_dated_rates_and_the_age_it_accepts()
    {
        var rates = ExchangeRateSetup.Load(Settings(("Collections:ExchangeRates:Base", "EUR"), ("Collections:ExchangeRates:MaxAgeDays", "3"),
            ("Collections:ExchangeRates:Rates:JPY:2026-11-20", "165.20"), ("Collections:ExchangeRates:Rates:JPY:2026-11-13", "160")));

        rates.Base.ShouldBe("EUR");
        rates.MaxAgeDays.ShouldBe(3);
        rates.Convert(new Money(16_520m, "JPY"), "EUR", new DateOnly(2026, 11, 23)).To.ShouldBe(new Money(100m, "EUR"));
        rates.Convert(new Money(16_000m, "JPY"), "EUR", new DateOnly(2026, 11, 14)).To.ShouldBe(new Money(100m, "EUR"));
        rates.Convert(new Money(1m, "JPY"), "EUR", new DateOnly(2026, 11, 24)).Unavailable.ShouldNotBeNull().ShouldContain("4 days old");
    }

    [Fact]
    public void every_wrong_setting_stops_start_up_naming_its_key()
    {
        var error = Should.Throw<InvalidOperationException>(() => ExchangeRateSetup.Load(Settings(
            ("Collections:ExchangeRates:Base", "Euro"),
            ("Collections:ExchangeRates:MaxAge", "7"),
            ("Collections:ExchangeRates:MaxAgeDays", "-1"),
            ("Collections:ExchangeRates:Rates:YEN:2026-11-20", "165"),
            ("Collections:ExchangeRates:Rates:USD:20-11-2026", "1.08"),
            ("Collections:ExchangeRates:Rates:GBP:2026-11-20", "0,85"),
            ("Collections:ExchangeRates:Rates:CHF:2026-11-20", "0")))).Message;

        error.ShouldStartWith("The exchange rates (Collections:ExchangeRates) have 7 error(s):");
        error.ShouldContain("Collections:ExchangeRates:Base: 'Euro' is not an ISO 4217 currency code");
        error.ShouldContain("Collections:ExchangeRates:MaxAge: unknown setting");
        error.ShouldContain("Collections:ExchangeRates:MaxAgeDays: '-1' is not a whole number of days from 0 to 366.");
        error.ShouldContain("Collections:ExchangeRates:Rates:YEN: 'YEN' is not an ISO 4217 currency code.");
        error.ShouldContain("Collections:ExchangeRates:Rates:USD:20-11-2026: '20-11-2026' is not a date like 2026-11-20.");
        error.ShouldContain("Collections:ExchangeRates:Rates:GBP:2026-11-20: '0,85' is not a rate");
        error.ShouldContain("Collections:ExchangeRates:Rates:CHF:2026-11-20: '0' is not a rate");
    }

    [Fact]
    public void the_base_has_no_rate_of_its_own() =>
        Should.Throw<InvalidOperationException>(() => ExchangeRateSetup.Load(Settings(
                ("Collections:ExchangeRates:Base", "EUR"), ("Collections:ExchangeRates:Rates:EUR:2026-11-20", "1"))))
            .Message.ShouldContain("Collections:ExchangeRates:Rates:EUR: the base currency has no rate (it is 1).");

    [Fact]
    public void the_rates_are_the_deployments_and_every_tenants_policy_is_measured_with_them()
    {
        var tenants = TenancySetup.Load(Settings(("Collections:Tenants:acme:PolicyFile", Shipped), ("Collections:Tenants:globex:PolicyFile", Shipped),
            ("Collections:ExchangeRates:Base", "EUR"), ("Collections:ExchangeRates:Rates:USD:2026-11-20", "1.08")));

        tenants["acme"].Policy.ExchangeRates.Base.ShouldBe("EUR");
        tenants["globex"].Policy.ExchangeRates.ShouldBeSameAs(tenants["acme"].Policy.ExchangeRates);
        TenancySetup.Load(Settings(("Collections:ExchangeRates:Base", "GBP")))["default"].Policy.ExchangeRates.Base.ShouldBe("GBP");
    }
}

using Collections.Api.Security;
using System.Text.Json;
using Alba;
using Collections.Tests.Support;

namespace Collections.Tests.Api;

public class ReadingAccountsApi(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task the_account_shows_its_balances_as_of_now()
    {
        await OpenAccountWithPastDueInvoice();
        var account = await Host.GetAsJson<JsonElement>(AccountUrl);

        account.GetProperty("version").GetInt64().ShouldBe(2);
        account.GetProperty("today").GetString().ShouldBe("2031-03-03");
        var invoice = account.GetProperty("invoices")[0];
        invoice.GetProperty("daysPastDue").GetInt32().ShouldBe(10);
        account.GetProperty("pastDueBalance")[0].GetProperty("amount").GetDecimal().ShouldBe(1200m);
    }

    [Fact]
    public async Task the_account_can_be_read_as_it_stood_at_a_past_moment()
    {
        await OpenAccountWithPastDueInvoice();
        var beforePayment = Clock.Now.AddMinutes(30);
        Clock.Advance(TimeSpan.FromHours(1));
        await Post("payments", new { paymentId = "PAY-1", amount = 1200m, currency = "EUR" }, 200);

        // Any offset will do: the instant is what counts.
        var asOf = beforePayment.ToOffset(TimeSpan.FromHours(-5)).ToString("O");
        var then = await Host.GetAsJson<JsonElement>($"{AccountUrl}?asOf={Uri.EscapeDataString(asOf)}");
        then.GetProperty("invoices")[0].GetProperty("open").GetDecimal().ShouldBe(1200m);

        var atVersion = await Host.GetAsJson<JsonElement>($"{AccountUrl}?atVersion=1");
        atVersion.GetProperty("invoices").GetArrayLength().ShouldBe(0);

        var now = await Host.GetAsJson<JsonElement>(AccountUrl);
        now.GetProperty("invoices")[0].GetProperty("open").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task events_are_stamped_by_the_service_clock()
    {
        await OpenAccount();
        var events = await Host.GetAsJson<JsonElement>($"{AccountUrl}/events");
        events[0].GetProperty("timestamp").GetDateTimeOffset().ShouldBe(Clock.Now);
    }

    [Fact]
    public async Task the_event_history_carries_version_sequence_time_correlation_and_actor()
    {
        await OpenAccount();
        await Host.Scenario(x =>
        {
            x.Post.Json(NewInvoice()).ToUrl($"{AccountUrl}/invoices");
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Integration, "billing-feed", name: "Billing feed"));
            x.WithRequestHeader("X-Correlation-Id", "batch-77");
            x.StatusCodeShouldBe(200);
            x.Header("X-Correlation-Id").SingleValueShouldEqual("batch-77");
        });

        var events = await Host.GetAsJson<JsonElement>($"{AccountUrl}/events");
        events.GetArrayLength().ShouldBe(2);
        var issued = events[1];
        issued.GetProperty("version").GetInt64().ShouldBe(2);
        issued.GetProperty("sequence").GetInt64().ShouldBeGreaterThan(events[0].GetProperty("sequence").GetInt64());
        issued.GetProperty("type").GetString().ShouldBe("InvoiceIssued");
        issued.GetProperty("correlationId").GetString().ShouldBe("batch-77");
        issued.GetProperty("actor").GetString().ShouldBe("billing-feed");
        issued.GetProperty("actorName").GetString().ShouldBe("Billing feed");
        issued.GetProperty("data").GetProperty("invoiceNumber").GetString().ShouldBe("INV-1");
    }

    [Fact]
    public async Task an_unparseable_point_in_time_is_refused()
    {
        await OpenAccount();
        await Host.Scenario(x =>
        {
            x.Get.Url($"{AccountUrl}?asOf=yesterday");
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task an_unknown_account_is_not_found()
    {
        await Host.Scenario(x =>
        {
            x.Get.Url("/api/accounts/NOPE-1");
            x.StatusCodeShouldBe(404);
        });
        await Host.Scenario(x =>
        {
            x.Get.Url("/api/accounts/NOPE-1/events");
            x.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task health_checks_the_database_and_openapi_is_served()
    {
        var health = await Host.GetAsJson<JsonElement>("/health");
        health.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString().ShouldBe("Healthy");

        var openApi = await Host.GetAsJson<JsonElement>("/openapi/v1.json");
        openApi.GetProperty("paths").TryGetProperty("/api/accounts/{accountNumber}/invoices", out _).ShouldBeTrue();
    }
}

using Alba;
using Collections.Tests.Support;

namespace Collections.Tests.Observability;

public sealed class Metrics(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task prometheus_scrapes_command_latency_messaging_database_projections_and_the_operational_gauges()
    {
        await OpenAccountWithPastDueInvoice();

        string text = "";
        for (var i = 0; i < 60 && !text.Contains("collections_dead_letters"); i++)
        {
            if (i > 0) await Task.Delay(500);
            var scrape = await Host.Scenario(x =>
            {
                x.Get.Url("/metrics");
                x.StatusCodeShouldBeOk();
            });
            text = await scrape.ReadAsTextAsync();
        }

        text.ShouldContain("http_server_request_duration_seconds_bucket");
        text.ShouldContain("http_route=\"/api/accounts/{accountNumber}/invoices\"");
        text.ShouldContain("wolverine_messages_sent");
        text.ShouldContain("db_client_operation_duration_seconds_bucket");
        text.ShouldContain("marten_accountsummary_all_gap");
        foreach (var gauge in new[] { "collections_relay_unpublished", "collections_relay_oldest_age_seconds", "collections_dead_letters",
                     "collections_escalations_overdue", "collections_obligations_overdue", "collections_projection_lag" })
            text.ShouldContain(gauge);
    }
}

using System.Diagnostics;
using Alba;
using Collections.Tests.Support;

namespace Collections.Tests.Integration;

public sealed class OutboxAcrossBrokerOutage(AppFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    [Fact]
    public async Task commits_succeed_while_the_broker_is_down_and_the_events_arrive_in_order_after_it_returns()
    {
        var queue = "test.outbox";
        await using (var broker = await Broker.ConnectAsync()) await broker.SubscribeAsync(queue);

        await Broker.ControlAsync("stop_app");
        try
        {
            await Open();
            await PostTo("invoices", NewInvoice("INV-1", 900m));
            for (var i = 1; i <= 3; i++) await PostTo("payments", Payment($"PAY-{i}", 100m));
            await Task.Delay(TimeSpan.FromSeconds(2)); // the relay has run into the missing broker by now
            var health = await Host.Scenario(x =>
            {
                x.Get.Url("/health");
                x.IgnoreStatusCode();
            });
            (await health.ReadAsTextAsync()).ShouldNameNothingInternal(context: "/health while RabbitMQ is down");
        }
        finally
        {
            await Broker.ControlAsync("start_app");
        }

        var back = Stopwatch.StartNew();
        await using var subscriber = await Broker.ConnectAsync();
        var received = (await subscriber.ReceiveAsync(queue, Count(AccountId, 5), TimeSpan.FromSeconds(30))).Where(r => r.Subject == AccountId).ToList();
        output.WriteLine($"All 5 events on the subscriber queue {back.ElapsedMilliseconds} ms after the broker came back");

        received.Select(r => r.AccountVersion).ShouldBe([1L, 2L, 3L, 4L, 5L]);
        received.Select(r => r.Data.TryGetProperty("paymentId", out var id) ? id.GetString() : null)
            .ShouldBe([null, null, "PAY-1", "PAY-2", "PAY-3"]);
        await subscriber.DeleteQueueAsync(queue);
    }
}

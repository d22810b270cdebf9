using Collections.Tests.Support;

namespace Collections.Tests.Integration;

public sealed class PublishedEvents(AppFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    [Fact]
    public async Task every_event_reaches_a_subscriber_queue_as_a_cloud_event_in_account_order()
    {
        await using var broker = await Broker.ConnectAsync();
        var queue = await broker.SubscribeAsync("test.published-events");

        await Open();
        await PostTo("invoices", NewInvoice("INV-1", 500m));
        await PostTo("payments", Payment("PAY-1", 200m));
        var received = (await broker.ReceiveAsync(queue, Count(AccountId, 3), TimeSpan.FromSeconds(15)))
            .Where(r => r.Subject == AccountId).ToList();
        output.WriteLine($"3 events on the subscriber queue {received.LastOrDefault()?.At.TotalMilliseconds:0} ms after the last commit");

        received.Select(r => r.Type).ShouldBe(["collections.account_opened.v1", "collections.invoice_issued.v1", "collections.payment_received.v1"]);
        received.Select(r => r.AccountVersion).ShouldBe([1L, 2L, 3L]);
        received.Select(r => r.Sequence).ShouldBeInOrder();

        var payment = received[2];
        payment.Body.GetProperty("specversion").GetString().ShouldBe("1.0");
        payment.Body.GetProperty("id").GetString().ShouldBe(payment.Sequence.ToString());
        payment.Body.GetProperty("source").GetString().ShouldBe("/collections");
        // A single-tenant installation's one tenant, named as every tenant is.
        payment.Tenant.ShouldBe("default");
        payment.RoutingKey.ShouldBe("default.collections.payment_received.v1");
        payment.Body.GetProperty("time").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.MinValue);
        payment.Data.GetProperty("paymentId").GetString().ShouldBe("PAY-1");
        payment.Data.GetProperty("amount").GetProperty("value").GetDecimal().ShouldBe(200m);
        payment.Data.GetProperty("appliedTo")[0].GetProperty("invoiceNumber").GetString().ShouldBe("INV-1");
        // What an AMQP subscriber sees without parsing the body.
        payment.Properties.MessageId.ShouldBe(payment.Sequence.ToString());
        payment.Properties.Type.ShouldBe("collections.payment_received.v1");
        payment.Properties.ContentType.ShouldBe("application/cloudevents+json");
        payment.Properties.Persistent.ShouldBeTrue();
        System.Text.Encoding.UTF8.GetString((byte[])payment.Properties.Headers!["tenant"]!).ShouldBe("default");

        await broker.DeleteQueueAsync(queue);
    }

    [Fact]
    public async Task a_subscriber_binds_by_event_type()
    {
        await using var broker = await Broker.ConnectAsync();
        var queue = await broker.SubscribeAsync("test.payments-only", "*.collections.payment_received.*");

        await Open();
        await PostTo("invoices", NewInvoice("INV-1", 500m));
        await PostTo("payments", Payment("PAY-1", 500m));

        var received = (await broker.ReceiveAsync(queue, Count(AccountId, 1), TimeSpan.FromSeconds(15))).Where(r => r.Subject == AccountId).ToList();
        received.Select(r => r.Type).ShouldBe(["collections.payment_received.v1"]);
        (await broker.ReceiveAsync(queue, _ => false, TimeSpan.FromMilliseconds(500))).ShouldNotContain(r => r.Subject == AccountId);
        await broker.DeleteQueueAsync(queue);
    }
}

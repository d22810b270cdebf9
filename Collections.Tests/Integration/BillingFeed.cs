using System.Text.Json;
using Collections.Api.Integration.Inbound;
using Collections.Domain.Payments;
using Collections.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Tests.Integration;

public sealed class BillingFeed(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Invoice(string number, decimal amount) => new
    {
        invoiceNumber = number, amount, currency = "EUR", issueDate = "2031-02-01", dueDate = "2031-03-01"
    };

    [Fact]
    public async Task a_payment_sent_twice_is_applied_once()
    {
        await Open();
        await using var broker = await Broker.ConnectAsync();
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-1", AccountId, Invoice("INV-9", 300m)));
        var payment = Broker.BillingEvent(BillingMessageParser.PaymentType, "bank-1", AccountId,
            new { paymentId = "BANK-77", amount = 300m, currency = "EUR", reference = "INV-9" });
        await broker.SendToBillingAsync(payment);
        await broker.SendToBillingAsync(payment);
        // Billing retries over HTTP too: the same payment id through the endpoint is still the same payment.
        await WaitForVersion(3);
        await PostTo("payments", new { paymentId = "BANK-77", amount = 300m, currency = "EUR", reference = "INV-9" });
        await Task.Delay(500); // give a wrongly applied duplicate the time to show up

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(AccountId);
        events.Select(e => e.Data.GetType().Name).ShouldBe(["AccountOpened", "InvoiceIssued", "PaymentReceived"]);
        events[2].CorrelationId.ShouldBe("bank-1");
        events[2].UserName.ShouldBe("/billing");
        ((PaymentReceived)events[2].Data).Amount.Amount.ShouldBe(300m);
    }

    [Fact]
    public async Task a_poison_message_goes_to_the_dead_letter_queue_with_the_reason_and_the_rest_keep_flowing()
    {
        await Open();
        await using var broker = await Broker.ConnectAsync();
        await broker.PurgeAsync("collections.billing.dead-letter");

        await broker.SendToBillingAsync("{ this is not json", "poison-1");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.PaymentType, "bank-2", AccountId,
            new { paymentId = "BANK-1", amount = -5m, currency = "EUR" }), "poison-2");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-2", "NO-SUCH-ACCOUNT", Invoice("INV-1", 10m)), "poison-3");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-3", AccountId, Invoice("INV-1", 10m)), "good-1");

        await WaitForVersion(2);
        var dead = await broker.ReceiveRawAsync("collections.billing.dead-letter", 3, TimeSpan.FromSeconds(10));
        dead.Select(d => d.MessageId).ShouldBe(["poison-1", "poison-2", "poison-3"]);
        dead[0].Error.ShouldContain("not JSON");
        dead[1].Error.ShouldContain("amount");
        dead[2].Error.ShouldContain("NO-SUCH-ACCOUNT");
        dead[0].Body.ShouldBe("{ this is not json");
    }

    [Fact]
    public async Task an_invoice_number_reused_with_other_details_is_dead_lettered_and_nothing_is_written()
    {
        await Open();
        await using var broker = await Broker.ConnectAsync();
        await broker.PurgeAsync("collections.billing.dead-letter");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-1", AccountId, Invoice("INV-5", 100m)));
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-2", AccountId, Invoice("INV-5", 999m)), "clash");

        var dead = await broker.ReceiveRawAsync("collections.billing.dead-letter", 1, TimeSpan.FromSeconds(10));
        dead.Single().Error.ShouldContain("409");
        dead.Single().Error.ShouldContain("invoiceNumber");
        (await StreamVersion(AccountId)).ShouldBe(2);
    }

    private async Task WaitForVersion(long version)
    {
        for (var i = 0; i < 100 && await StreamVersion(AccountId) < version; i++) await Task.Delay(100);
        (await StreamVersion(AccountId)).ShouldBe(version);
    }
}

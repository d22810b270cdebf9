using Alba;
using System.Text.Json;
using Collections.Api.Integration.Inbound;
using Collections.Api.Tenancy;
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

        await using var session = Store.QuerySession(Tenants.Default);
        var events = await session.Events.FetchStreamAsync(AccountId);
        events.Select(e => e.Data.GetType().Name).ShouldBe(["AccountOpened", "InvoiceIssued", "PaymentReceived"]);
        events[2].CorrelationId.ShouldBe("bank-1");
        events[2].UserName.ShouldBe("/billing");
        ((PaymentReceived)events[2].Data).Amount.Amount.ShouldBe(300m);
    }

    [Fact]
    public async Task a_poison_message_is_dead_lettered_with_the_reason_and_the_rest_keep_flowing()
    {
        await Open();
        await using var broker = await Broker.ConnectAsync();

        await broker.SendToBillingAsync("{ this is not json", "poison-1");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.PaymentType, "bank-2", AccountId,
            new { paymentId = "BANK-1", amount = -5m, currency = "EUR" }), "poison-2");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-2", "NO-SUCH-ACCOUNT", Invoice("INV-1", 10m)), "poison-3");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-3", AccountId, Invoice("INV-1", 10m)), "good-1");

        await WaitForVersion(2);
        var dead = await DeadLetters(3);
        dead.Select(d => d.Reason).ShouldSatisfyAllConditions(
            reasons => reasons.ShouldContain(r => r.Contains("not JSON")),
            reasons => reasons.ShouldContain(r => r.Contains("amount")),
            reasons => reasons.ShouldContain(r => r.Contains("NO-SUCH-ACCOUNT")));
        dead.ShouldContain(d => d.Body == "{ this is not json", "the message is kept as billing sent it");
    }

    [Fact]
    public async Task an_invoice_number_reused_with_other_details_is_dead_lettered_and_nothing_is_written()
    {
        await Open();
        await using var broker = await Broker.ConnectAsync();
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-1", AccountId, Invoice("INV-5", 100m)));
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-2", AccountId, Invoice("INV-5", 999m)), "clash");

        var dead = (await DeadLetters(1)).Single();
        dead.Reason.ShouldContain("409");
        dead.Reason.ShouldContain("invoiceNumber");
        (await StreamVersion(AccountId)).ShouldBe(2);
    }

    /// <summary>Billing's dead letters, as an operator lists them (docs/reliability.md).</summary>
    private async Task<List<(string Reason, string Body)>> DeadLetters(int atLeast)
    {
        var found = new List<(string Reason, string Body)>();
        for (var i = 0; i < 100 && found.Count < atLeast; i++)
        {
            if (i > 0) await Task.Delay(100);
            var result = await Host.Scenario(x =>
            {
                x.Post.Json(new { messageType = typeof(BillingDelivery).FullName }).ToUrl("/api/dead-letters");
                x.StatusCodeShouldBeOk();
            });
            found = (await result.ReadAsJsonAsync<JsonElement>()).EnumerateArray()
                .SelectMany(page => page.GetProperty("envelopes").EnumerateArray())
                .Select(e => (e.GetProperty("envelope").GetProperty("headers").GetProperty("exception-message").GetString()!,
                    System.Text.Encoding.UTF8.GetString(e.GetProperty("envelope").GetProperty("data").GetBytesFromBase64())))
                .ToList();
        }

        return found;
    }

    private async Task WaitForVersion(long version)
    {
        for (var i = 0; i < 100 && await StreamVersion(AccountId) < version; i++) await Task.Delay(100);
        (await StreamVersion(AccountId)).ShouldBe(version);
    }
}

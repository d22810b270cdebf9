using System.Text.Json.Nodes;
using Alba;
using Collections.Api.Integration.Contract;
using Collections.Tests.Integration;
using Collections.Tests.Support;

namespace Collections.Tests.Contracts;

public sealed class AsyncApiContract(AppFixture fixture) : IntegrationContext(fixture)
{
    private static string DocsCopy => Path.Combine(Repository.Root, "docs", "asyncapi.json");

    [Fact]
    public async Task the_served_document_names_every_event_type_and_is_the_one_in_docs()
    {
        var served = JsonNode.Parse(await Host.GetAsText("/asyncapi.json"))!;
        served["asyncapi"]!.GetValue<string>().ShouldBe("3.0.0");
        var messages = served["components"]!["messages"]!.AsObject();
        messages.Select(m => m.Value!["name"]!.GetValue<string>())
            .ShouldBe(ContractMapping.DataTypes.Select(ContractMapping.TypeOf), ignoreOrder: true);

        // The servers name this run's broker; the rest is the contract, kept in docs/ (regenerate with COLLECTIONS_UPDATE_CONTRACTS=1).
        served["servers"]!["rabbitmq"]!["host"] = "127.0.0.1:56720";
        var text = served.ToJsonString(new System.Text.Json.JsonSerializerOptions
            { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("COLLECTIONS_UPDATE_CONTRACTS") == "1") await File.WriteAllTextAsync(DocsCopy, text);
        (await File.ReadAllTextAsync(DocsCopy)).ShouldBe(text, "docs/asyncapi.json is what the service serves");
    }

    [Fact]
    public async Task every_published_event_fits_its_message_in_the_document()
    {
        await using var broker = await Broker.ConnectAsync();
        var queue = await broker.SubscribeAsync("test.asyncapi");
        await Open();
        await PostTo("invoices", NewInvoice("INV-1", 900m, dueInDays: -40));
        await PostTo("payments", Payment("PAY-1", 100m));
        await PostTo("promises", new { amount = 800m, currency = "EUR", promisedDate = "2031-03-20" });
        await PostTo("contacts", new { channel = "phone", direction = "inbound", summary = "Will pay", outcome = "promisedToPay" });
        await PostTo("disputes", new { invoiceNumbers = new[] { "INV-1" }, reason = "damaged" });
        await PostTo("disputes/D-1/resolution", new { outcome = "inFavourOfCreditor", note = "intact" });
        await PostTo("credit-hold", new { reason = "past due" });
        await PostTo("write-off", new { reason = "insolvent" });
        await PostTo("reopen", new { reason = "claim admitted" });

        var received = (await broker.ReceiveAsync(queue, r => r.Any(x => x.Subject == AccountId && x.Type == "collections.account_reopened.v1"),
            TimeSpan.FromSeconds(30))).Where(r => r.Subject == AccountId).ToList();
        await broker.DeleteQueueAsync(queue);

        var document = new SchemaDocument(JsonNode.Parse(await Host.GetAsText("/asyncapi.json"))!, "asyncapi.json");
        var messages = document.Root["components"]!["messages"]!.AsObject();
        received.Select(r => r.Type).Distinct().Count().ShouldBeGreaterThanOrEqualTo(10);
        foreach (var message in received)
        {
            var declared = messages.Single(m => m.Value!["name"]!.GetValue<string>() == message.Type).Value!;
            document.Violations(declared["payload"]!, message.Body.GetRawText()).ShouldBeNull(message.Type);
            message.Properties.Type.ShouldBe(declared["bindings"]!["amqp"]!["messageType"]!.GetValue<string>());
        }

        // And the check has teeth: a payment without its amount does not fit.
        var payment = JsonNode.Parse(received.First(r => r.Type == "collections.payment_received.v1").Body.GetRawText())!;
        payment["data"]!.AsObject().Remove("amount");
        document.Violations(messages["PaymentReceivedV1"]!["payload"]!, payment.ToJsonString()).ShouldNotBeNull();
    }
}

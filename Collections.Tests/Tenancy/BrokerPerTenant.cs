using System.Text.Json;
using Alba;
using Collections.Api.Integration.Inbound;
using Collections.Tests.Integration;

namespace Collections.Tests.Tenancy;

/// <summary>What leaves and enters through RabbitMQ is each tenant's own: routing keys, CloudEvents and billing messages.</summary>
public abstract class BrokerPerTenant(TenantsFixture fixture) : TenancyContext(fixture)
{
    [Fact]
    public async Task a_subscriber_bound_to_one_tenant_receives_nothing_of_another()
    {
        await using var broker = await Broker.ConnectAsync();
        var acmeQueue = await broker.SubscribeAsync("test.tenant-acme", "acme.#");
        var globexQueue = await broker.SubscribeAsync("test.tenant-globex", "globex.#");

        await Open(Acme, Shared, "Acme's customer");
        await Post(Acme, Shared, "invoices", new { invoiceNumber = "INV-1", amount = 500m, currency = "EUR", issueDate = "2031-01-01", dueDate = "2031-04-30" });
        await Post(Acme, Shared, "payments", new { paymentId = "PAY-1", amount = 200m, currency = "EUR" });
        await Open(Globex, Shared, "Globex's customer");

        var globex = await broker.ReceiveAsync(globexQueue, r => r.Any(x => x.Subject == Shared), TimeSpan.FromSeconds(15));
        var acme = await broker.ReceiveAsync(acmeQueue, r => r.Count(x => x.Subject == Shared) >= 3, TimeSpan.FromSeconds(15));
        // globex's event has been published by now (the relay is sequential): anything of it on acme's queue would be there.
        acme.AddRange(await broker.ReceiveAsync(acmeQueue, _ => false, TimeSpan.FromSeconds(1)));
        globex.AddRange(await broker.ReceiveAsync(globexQueue, _ => false, TimeSpan.FromSeconds(1)));
        await broker.DeleteQueueAsync(acmeQueue);
        await broker.DeleteQueueAsync(globexQueue);

        acme.Select(r => r.Type).ShouldBe(["collections.account_opened.v1", "collections.invoice_issued.v1", "collections.payment_received.v1"]);
        acme.ShouldAllBe(r => r.Tenant == Acme && r.RoutingKey == $"{Acme}.{r.Type}");
        acme[0].Data.GetProperty("debtorName").GetString().ShouldBe("Acme's customer");
        globex.Select(r => r.Type).ShouldBe(["collections.account_opened.v1"]);
        globex.ShouldAllBe(r => r.Tenant == Globex && r.RoutingKey == $"{Globex}.{r.Type}");
        globex[0].Data.GetProperty("debtorName").GetString().ShouldBe("Globex's customer");
    }

    [Fact]
    public async Task a_billing_message_is_carried_out_for_the_tenant_it_names_and_dead_lettered_if_it_names_none_or_an_unknown_one()
    {
        await Open(Acme, Shared, "Acme's customer");
        await Open(Globex, Shared, "Globex's customer");
        var invoice = new { invoiceNumber = "INV-3", amount = 300m, currency = "EUR", issueDate = "2031-02-01", dueDate = "2031-03-01" };
        await using var broker = await Broker.ConnectAsync();

        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-1", Shared, invoice), "no-tenant");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-2", Shared, invoice, "initech"), "unknown-tenant");
        await broker.SendToBillingAsync(Broker.BillingEvent(BillingMessageParser.InvoiceType, "bill-3", Shared, invoice, Acme), "acme");

        for (var i = 0; i < 100 && await Version(Acme, Shared) < 2; i++) await Task.Delay(100);
        (await Stream(Acme, Shared)).Select(e => e.EventTypeName).ShouldBe(["account_opened", "invoice_issued"]);
        (await Version(Globex, Shared)).ShouldBe(1);

        var reasons = await DeadLetterReasons(2);
        reasons.ShouldContain(r => r.Contains("tenant: is required"));
        reasons.ShouldContain(r => r.Contains("tenant: 'initech' is not a tenant of this service"));
    }

    [Fact]
    public async Task dead_letters_hold_every_tenants_messages_so_only_an_operator_of_no_tenant_reads_them()
    {
        var refused = await Host.Scenario(As(Acme, x =>
        {
            x.Post.Json(new { }).ToUrl("/api/dead-letters");
            x.StatusCodeShouldBe(403);
        }));
        (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Dead letters are the deployment's");
        await Host.Scenario(As(null, x =>
        {
            x.Post.Json(new { }).ToUrl("/api/dead-letters");
            x.StatusCodeShouldBeOk();
        }));
    }

    /// <summary>Billing's dead letters, as a deployment operator lists them.</summary>
    private async Task<List<string>> DeadLetterReasons(int atLeast)
    {
        var reasons = new List<string>();
        for (var i = 0; i < 100 && reasons.Count < atLeast; i++)
        {
            if (i > 0) await Task.Delay(100);
            var result = await Host.Scenario(As(null, x =>
            {
                x.Post.Json(new { messageType = typeof(BillingDelivery).FullName }).ToUrl("/api/dead-letters");
                x.StatusCodeShouldBeOk();
            }));
            reasons = (await result.ReadAsJsonAsync<JsonElement>()).EnumerateArray()
                .SelectMany(page => page.GetProperty("envelopes").EnumerateArray())
                .Select(e => e.GetProperty("envelope").GetProperty("headers").GetProperty("exception-message").GetString()!)
                .ToList();
        }

        return reasons;
    }
}

[Collection(TenantsCollection.Name)]
public sealed class BrokerPerConjoinedTenant(ConjoinedTenantsFixture fixture) : BrokerPerTenant(fixture);

[Collection(TenantDatabasesCollection.Name)]
public sealed class BrokerPerTenantDatabase(TenantDatabasesFixture fixture) : BrokerPerTenant(fixture);

using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Tests.Tenancy;

/// <summary>
/// acme has an account in escalation (letters sent, a final notice's obligation open, a credit hold, a contact logged);
/// globex has only its own SHARED-1. Every read path, asked by globex, shows none of acme's; asked by acme, it shows them,
/// so each assertion would fail if the tenant were ignored.
/// </summary>
public abstract class ReadPathsAcrossTenants(TenantsFixture fixture) : TenancyContext(fixture)
{
    private const string AcmeOnly = "ACME-7";

    /// <summary>Every GET under /api, with a query the test asks it with.</summary>
    private static readonly string[] ReadPaths =
    [
        "/api/accounts/{accountNumber}", "/api/accounts/{accountNumber}/events", "/api/accounts/{accountNumber}/summary",
        "/api/accounts/{accountNumber}/contact-history", "/api/accounts/{accountNumber}/order-check", "/api/obligations",
        "/api/reports/aging", "/api/collectors", "/api/work-queue", "/api/credit-holds", "/api/events", "/api/api-keys"
    ];

    [Fact]
    public void the_list_of_read_paths_is_complete() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!).Where(r => r.StartsWith("/api/")).Order()
            .ShouldBe(ReadPaths.Order());

    [Fact]
    public async Task no_read_path_shows_one_tenant_anything_of_another()
    {
        var moment = await GivenAcmeInEscalationAndGlobexWithItsOwnSharedAccount();

        // The account, now, as of a moment, at a version, its history, its summary, contacts and order check.
        foreach (var url in new[] { "", $"?asOf={Uri.EscapeDataString(moment.ToString("O"))}", "?atVersion=1", "/events", "/summary", "/order-check" })
        {
            await Get(Acme, $"/api/accounts/{AcmeOnly}{url}");
            (await Get(Globex, $"/api/accounts/{AcmeOnly}{url}", 404)).GetProperty("status").GetInt32().ShouldBe(404);
        }

        (await Get(Acme, $"/api/accounts/{AcmeOnly}/contact-history")).GetProperty("data").GetArrayLength().ShouldBeGreaterThan(0);
        (await Get(Globex, $"/api/accounts/{AcmeOnly}/contact-history")).GetProperty("data").GetArrayLength().ShouldBe(0);

        // The lists: obligations, credit holds, work queue, collectors.
        (await Get(Acme, "/api/obligations")).GetProperty("total").GetInt64().ShouldBe(1);
        (await Get(Globex, "/api/obligations")).GetProperty("total").GetInt64().ShouldBe(0);
        (await Get(Globex, $"/api/obligations?accountNumber={AcmeOnly}")).GetProperty("total").GetInt64().ShouldBe(0);
        (await Get(Acme, "/api/credit-holds")).GetProperty("data").GetProperty("total").GetInt32().ShouldBe(1);
        (await Get(Globex, "/api/credit-holds")).GetProperty("data").GetProperty("total").GetInt32().ShouldBe(0);
        (await Get(Acme, "/api/work-queue")).GetProperty("data").GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        (await Get(Globex, "/api/work-queue")).GetProperty("data").GetProperty("total").GetInt32().ShouldBe(0);
        Collectors(await Get(Acme, "/api/collectors")).ShouldBe(["acme-collector"]);
        Collectors(await Get(Globex, "/api/collectors")).ShouldNotContain("acme-collector");

        // Aging, live and as of a past moment (replayed from raw events).
        foreach (var query in new[] { "", $"?asOf={Uri.EscapeDataString(moment.ToString("O"))}" })
        {
            Outstanding(await Get(Acme, $"/api/reports/aging{query}")).ShouldBe(1500m);
            Outstanding(await Get(Globex, $"/api/reports/aging{query}")).ShouldBe(0m);
        }

        // The feed: every event of the caller's tenant, none of the other's.
        var acmeFeed = (await Get(Acme, "/api/events?limit=500")).GetProperty("events").EnumerateArray().ToList();
        var globexFeed = (await Get(Globex, "/api/events?limit=500")).GetProperty("events").EnumerateArray().ToList();
        acmeFeed.ShouldContain(e => e.GetProperty("subject").GetString() == AcmeOnly);
        acmeFeed.ShouldAllBe(e => e.GetProperty("tenant").GetString() == Acme);
        globexFeed.Select(e => e.GetProperty("subject").GetString()).Distinct().ShouldBe([Shared]);
        globexFeed.ShouldAllBe(e => e.GetProperty("tenant").GetString() == Globex);

        // API keys: each tenant's admin sees its own.
        var names = async (string tenant) => (await Get(tenant, "/api/api-keys")).EnumerateArray().Select(k => k.GetProperty("name").GetString()).ToList();
        (await names(Acme)).ShouldBe(["acme billing"]);
        (await names(Globex)).ShouldBeEmpty();

        // A read model's freshness counts the caller's own events only.
        var globexFreshness = (await Get(Globex, "/api/work-queue")).GetProperty("freshness");
        globexFreshness.GetProperty("latestEvent").GetInt64().ShouldBe(globexFeed.Max(e => e.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task the_same_account_number_is_two_accounts()
    {
        await GivenAcmeInEscalationAndGlobexWithItsOwnSharedAccount();

        (await Get(Acme, $"/api/accounts/{Shared}")).GetProperty("debtorName").GetString().ShouldBe("Acme's customer");
        (await Get(Globex, $"/api/accounts/{Shared}")).GetProperty("debtorName").GetString().ShouldBe("Globex's customer");
        Types(await Get(Acme, $"/api/accounts/{Shared}/events")).ShouldBe(["AccountOpened", "InvoiceIssued"]);
        Types(await Get(Globex, $"/api/accounts/{Shared}/events")).ShouldBe(["AccountOpened", "ContactLogged"]);
        (await Get(Acme, $"/api/accounts/{Shared}/summary")).GetProperty("data").GetProperty("account")
            .GetProperty("openBalance")[0].GetProperty("amount").GetDecimal().ShouldBe(300m);
        (await Get(Globex, $"/api/accounts/{Shared}/summary")).GetProperty("data").GetProperty("account")
            .GetProperty("openBalance").GetArrayLength().ShouldBe(0);
    }

    /// <returns>A past moment, for the as-of reads.</returns>
    private async Task<DateTimeOffset> GivenAcmeInEscalationAndGlobexWithItsOwnSharedAccount()
    {
        await Open(Acme, AcmeOnly, "Acme's debtor");
        await InvoiceFallingDue(Acme, AcmeOnly);
        await Open(Acme, Shared, "Acme's customer");
        await Post(Acme, Shared, "invoices", new { invoiceNumber = "S-1", amount = 300m, currency = "EUR", issueDate = DueDate, dueDate = DueDate.AddDays(400) });
        await Open(Globex, Shared, "Globex's customer");
        await RunUntilDay(28); // acme's final notice has gone out, its obligation is open
        await Post(Acme, AcmeOnly, "credit-hold", new { reason = "past due" });
        await Post(Acme, AcmeOnly, "contacts", new { channel = "phone", direction = "outbound", summary = "Called", outcome = "reached" });
        await Send(Acme, "POST", "/api/api-keys", """{"name":"acme billing","roles":["integration"]}""", 201);
        var moment = Clock.Now;
        Clock.Advance(TimeSpan.FromHours(1));
        await Post(Globex, Shared, "contacts", new { channel = "email", direction = "inbound", summary = "Hello", outcome = "reached" });
        await CatchUp();
        return moment;
    }

    private static List<string> Types(JsonElement events) => events.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();

    private static List<string> Collectors(JsonElement answer) =>
        answer.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("collector").GetString()!).ToList();

    /// <summary>Everything outstanding in the report's total rows, over every bucket.</summary>
    private static decimal Outstanding(JsonElement answer) =>
        answer.GetProperty("data").GetProperty("total").EnumerateArray().Sum(row => row.GetProperty("totalOpen").GetDecimal());
}

[Collection(TenantsCollection.Name)]
public sealed class ReadPathsAcrossConjoinedTenants(ConjoinedTenantsFixture fixture) : ReadPathsAcrossTenants(fixture);

[Collection(TenantDatabasesCollection.Name)]
public sealed class ReadPathsAcrossTenantDatabases(TenantDatabasesFixture fixture) : ReadPathsAcrossTenants(fixture);

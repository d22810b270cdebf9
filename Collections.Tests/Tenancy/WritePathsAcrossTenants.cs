using System.Text.Json;
using Alba;
using Collections.Tests.Api;

namespace Collections.Tests.Tenancy;

/// <summary>
/// Every write endpoint, sent by globex to an account only acme has, finds no account; acme's stream does not move and
/// globex gains none. A write to an account number both have changes only the writer's.
/// </summary>
public abstract class WritePathsAcrossTenants(TenantsFixture fixture) : TenancyContext(fixture)
{
    private const string AcmeOnly = "ACME-9";

    [Theory, MemberData(nameof(WriteEndpoint.Names), MemberType = typeof(WriteEndpoint))]
    public async Task no_write_reaches_another_tenants_account(string name)
    {
        var endpoint = WriteEndpoint.Named(name);
        await Open(Acme, AcmeOnly, "Acme's debtor");
        await Post(Acme, AcmeOnly, "invoices", new { invoiceNumber = "INV-9", amount = 500m, currency = "EUR", issueDate = "2031-01-01", dueDate = "2031-01-31" });
        var before = await Version(Acme, AcmeOnly);

        if (endpoint.Method == "PUT")
        {
            // Opening "the same" account opens globex's own: acme's is neither found nor touched.
            await Send(Globex, endpoint.Method, endpoint.Url(AcmeOnly), endpoint.ValidBody, 201);
            (await Version(Globex, AcmeOnly)).ShouldBe(1);
        }
        else
        {
            await Send(Globex, endpoint.Method, endpoint.Url(AcmeOnly), endpoint.ValidBody, 404);
            (await Version(Globex, AcmeOnly)).ShouldBe(0);
        }

        (await Version(Acme, AcmeOnly)).ShouldBe(before);
        // The same request as acme is carried out (or refused by acme's account's own rules), so the 404 above is the tenant's.
        var own = await Host.Scenario(As(Acme, x =>
        {
            (endpoint.Method == "PUT" ? x.Put : x.Post).Text(endpoint.ValidBody).ToUrl(endpoint.Url(AcmeOnly));
            x.WithRequestHeader("Content-Type", "application/json");
            x.IgnoreStatusCode();
        }));
        own.Context.Response.StatusCode.ShouldNotBe(404);
    }

    [Fact]
    public async Task a_payment_to_an_account_number_both_use_is_the_payers_tenants()
    {
        await Open(Acme, Shared, "Acme's customer");
        await Open(Globex, Shared, "Globex's customer");
        foreach (var tenant in new[] { Acme, Globex })
            await Post(tenant, Shared, "invoices", new { invoiceNumber = "INV-1", amount = 700m, currency = "EUR", issueDate = "2031-01-01", dueDate = "2031-01-31" });

        await Post(Globex, Shared, "payments", new { paymentId = "PAY-1", amount = 700m, currency = "EUR" });

        (await Get(Globex, $"/api/accounts/{Shared}")).GetProperty("openBalance").GetArrayLength().ShouldBe(0);
        (await Get(Acme, $"/api/accounts/{Shared}")).GetProperty("openBalance")[0].GetProperty("amount").GetDecimal().ShouldBe(700m);
        (await Stream(Acme, Shared)).Select(e => e.EventTypeName).ShouldNotContain("payment_received");
    }

    [Fact]
    public async Task an_api_key_acts_for_the_tenant_whose_admin_created_it_and_only_that_tenant_can_revoke_it()
    {
        await Open(Acme, Shared, "Acme's customer");
        await Open(Globex, Shared, "Globex's customer");
        var created = await Send(Acme, "POST", "/api/api-keys", """{"name":"acme billing","roles":["integration"]}""", 201);
        var key = await created.ReadAsJsonAsync<JsonElement>();
        key.GetProperty("tenant").GetString().ShouldBe(Acme);

        await Host.Scenario(x =>
        {
            x.Post.Json(new { invoiceNumber = "INV-1", amount = 10m, currency = "EUR", issueDate = "2031-01-01", dueDate = "2031-01-31" })
                .ToUrl($"/api/accounts/{Shared}/invoices");
            x.WithRequestHeader("X-Api-Key", key.GetProperty("key").GetString()!);
            x.StatusCodeShouldBe(200);
        });
        (await Version(Acme, Shared)).ShouldBe(2);
        (await Version(Globex, Shared)).ShouldBe(1);

        var id = key.GetProperty("id").GetString()!;
        await Host.Scenario(As(Globex, x =>
        {
            x.Delete.Url($"/api/api-keys/{id}");
            x.StatusCodeShouldBe(404);
        }));
        await Host.Scenario(As(Acme, x =>
        {
            x.Delete.Url($"/api/api-keys/{id}");
            x.StatusCodeShouldBe(200);
        }));
    }

    [Fact]
    public async Task a_caller_naming_no_tenant_or_an_unknown_one_is_refused_and_nothing_is_written()
    {
        foreach (var (tenant, field) in new[] { ((string?)null, "is required."), ("initech", "'initech' is not a tenant of this service.") })
        {
            var refused = await Get(tenant, "/api/obligations", 403);
            refused.GetProperty("errors").GetProperty("tenant")[0].GetString().ShouldBe(field);
            await Send(tenant, "PUT", WriteEndpoint.Named("open account").Url("INITECH-1"), WriteEndpoint.Named("open account").ValidBody, 403);
        }

        foreach (var tenant in new[] { Acme, Globex })
            (await Store.Advanced.FetchEventStoreStatistics(tenant)).EventCount.ShouldBe(0, $"{tenant}'s database");
    }
}

[Collection(TenantsCollection.Name)]
public sealed class WritePathsAcrossConjoinedTenants(ConjoinedTenantsFixture fixture) : WritePathsAcrossTenants(fixture);

[Collection(TenantDatabasesCollection.Name)]
public sealed class WritePathsAcrossTenantDatabases(TenantDatabasesFixture fixture) : WritePathsAcrossTenants(fixture);

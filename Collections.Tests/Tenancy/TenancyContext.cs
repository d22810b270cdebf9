using System.Text.Json;
using Alba;
using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;
using Wolverine.Tracking;

namespace Collections.Tests.Tenancy;

/// <summary>
/// What the tenancy tests share. Each test class is abstract and runs on both hosts: tenants conjoined in one database
/// (<see cref="TenantsCollection"/>) and acme in a database of its own (<see cref="TenantDatabasesCollection"/>).
/// </summary>
public abstract class TenancyContext(TenantsFixture fixture) : IAsyncLifetime
{
    protected const string Acme = TenantsFixture.Acme;
    protected const string Globex = TenantsFixture.Globex;

    /// <summary>An account number both tenants use, for different debtors.</summary>
    protected const string Shared = "SHARED-1";

    protected static readonly DateOnly DueDate = DateOnly.FromDateTime(TestClock.Start.UtcDateTime).AddDays(14);

    protected IAlbaHost Host => fixture.Host;
    protected TestClock Clock => fixture.Clock;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    protected TenantDatabases Databases => Host.Services.GetRequiredService<TenantDatabases>();
    protected TenantsFixture Fixture => fixture;
    protected Timeline Timeline { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Clock.Now = TestClock.Start;
        await Host.ResetAllMartenDataAsync();
        await Host.ClearAllWolverineStorageAsync();
        Timeline = new Timeline(Host, Clock);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The scenario as an administrator of <paramref name="tenant"/> (its token's tenant claim); null: a token naming none.</summary>
    protected static Action<Scenario> As(string? tenant, Action<Scenario> scenario) => x =>
    {
        x.WithRequestHeader("Authorization", Tokens.For(Roles.Admin, user: $"{tenant ?? "nobody"}.admin", tenant: tenant));
        scenario(x);
    };

    /// <summary>A write as <paramref name="tenant"/>, through the timeline: what it schedules is delivered later, for that tenant.</summary>
    protected Task<IScenarioResult> Send(string? tenant, string method, string url, string json, int status) =>
        Timeline.Http(As(tenant, x =>
        {
            (method == "PUT" ? x.Put : x.Post).Text(json).ToUrl(url);
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(status);
        }));

    protected Task<IScenarioResult> Post(string tenant, string account, string path, object body, int status = 200) =>
        Send(tenant, "POST", $"/api/accounts/{account}/{path}", JsonSerializer.Serialize(body, JsonSerializerOptions.Web), status);

    protected async Task<JsonElement> Get(string? tenant, string url, int status = 200)
    {
        var result = await Host.Scenario(As(tenant, x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(status);
        }));
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }

    protected Task Open(string tenant, string account, string debtorName) =>
        Send(tenant, "PUT", $"/api/accounts/{account}", JsonSerializer.Serialize(new
        {
            debtorName, timeZone = "Europe/Berlin", terms = new { netDays = 30, currency = "EUR" },
            contacts = new object[]
            {
                new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@debtor.test" },
                new { contactId = "ctl", name = "Cleo Control", role = "controller", email = "ctl@debtor.test" },
                new { contactId = "cfo", name = "Carl Finance", role = "cfo", email = "cfo@debtor.test", phone = "+49 30 1234" },
                new { contactId = "own", name = "Otto Owner", role = "owner", postalAddress = "1 Hauptstrasse, Berlin" }
            },
            collector = $"{tenant}-collector"
        }, JsonSerializerOptions.Web), 201);

    /// <summary>An invoice that falls due on <see cref="DueDate"/>: the escalation starts when the timeline passes it.</summary>
    protected Task InvoiceFallingDue(string tenant, string account, decimal amount = 1200m, string number = "INV-7") =>
        Post(tenant, account, "invoices", new
        {
            invoiceNumber = number, amount, currency = "EUR", issueDate = DueDate.AddDays(-30), dueDate = DueDate,
            contract = new { reference = "MSA-2024", lateFee = new { percent = 5m, afterDaysPastDue = 30 } }
        });

    protected Task RunUntilDay(int daysAfterDue, int hour = 23) =>
        Timeline.RunUntil(new DateTimeOffset(DueDate.AddDays(daysAfterDue).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));

    protected async Task<IReadOnlyList<JasperFx.Events.IEvent>> Stream(string tenant, string account)
    {
        await using var session = Store.QuerySession(tenant);
        return await session.Events.FetchStreamAsync(account);
    }

    protected async Task<long> Version(string tenant, string account) => (await Stream(tenant, account)).Count;

    protected Task CatchUp() => Host.PauseThenCatchUpOnMartenDaemonActivityAsync();
}

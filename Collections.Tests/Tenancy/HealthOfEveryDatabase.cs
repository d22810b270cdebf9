using System.Text.Json;
using Alba;
using Collections.Api.Integration.Outbound;
using Collections.Api.Security;
using Collections.Tests.Integration;
using Collections.Tests.Support;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Wolverine;
using Wolverine.Tracking;

namespace Collections.Tests.Tenancy;

/// <summary>
/// /health looks at every database: a dead letter kept in acme's own database counts, and acme's database refusing
/// connections makes the service unhealthy (named by count, never by tenant). A host of its own, since taking a
/// database away would disturb the shared one.
/// </summary>
public sealed class HealthOfEveryDatabase : IAsyncLifetime
{
    private const string Acme = TenantsFixture.Acme;
    private readonly ProcessEnvironment _environment = new();
    private string _main = null!;
    private string _acmes = null!;
    private IAlbaHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _main = await TestDatabase.Recreate("health");
        _acmes = await TestDatabase.Recreate("health_acme");
        var shipped = Path.Combine(AppContext.BaseDirectory, "policies", "default.json");
        _environment.Set("ConnectionStrings__Marten", _main)
            .Set("ConnectionStrings__RabbitMq", Broker.Uri.ToString())
            .Set($"Collections__Tenants__{Acme}__PolicyFile", shipped)
            .Set($"Collections__Tenants__{Acme}__ConnectionString", _acmes)
            .Set($"Collections__Tenants__{TenantsFixture.Globex}__PolicyFile", shipped)
            .Set("Collections__Sweep__Enabled", "false");
        JasperFxEnvironment.AutoStartHost = true;
        _host = await AlbaHost.For<Program>(b => b.ConfigureServices(s => s.RunWolverineInSoloMode()));
    }

    [Fact]
    public async Task health_counts_what_waits_in_a_tenants_own_database_and_turns_unhealthy_when_it_does_not_answer()
    {
        var quiet = await Health();
        quiet.GetProperty("status").GetString().ShouldBe("Healthy");
        Check(quiet, "postgresql").GetProperty("data").GetProperty("databases").GetInt32().ShouldBe(2);

        // A message acme's relay could not map is dead-lettered where acme's messages are: in acme's database.
        await _host.TrackActivity().DoNotAssertOnExceptionsDetected().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync(bus => bus.PublishAsync(new UnrelayableEvent(1, Acme, "ACME-1", "AccountOpened", "not in the store"),
                new DeliveryOptions { TenantId = Acme }).AsTask());
        (await new DatabaseProbe(_acmes).Scalar("select count(*) from collections.wolverine_dead_letters")).ShouldBe(1);
        (await new DatabaseProbe(_main).Scalar("select count(*) from collections.wolverine_dead_letters")).ShouldBe(0);
        var dead = await Health();
        dead.GetProperty("status").GetString().ShouldBe("Degraded");
        Check(dead, "deadLetters").GetProperty("data").GetProperty("deadLetters").GetInt64().ShouldBe(1);
        (await DeadLetterTypes()).ShouldBe([typeof(UnrelayableEvent).FullName!], "the operator lists every database's dead letters");

        await AllowConnections(false);
        try
        {
            var away = await Health();
            away.GetProperty("status").GetString().ShouldBe("Unhealthy");
            var postgresql = Check(away, "postgresql");
            postgresql.GetProperty("status").GetString().ShouldBe("Unhealthy");
            postgresql.GetProperty("description").GetString().ShouldBe("1 of 2 databases do not answer.");
            away.GetRawText().ShouldNotContain(Acme, Case.Sensitive, away.GetRawText());
        }
        finally
        {
            await AllowConnections(true);
        }

        Check(await Health(), "postgresql").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    /// <summary>acme's database refuses new connections and drops those it has, as a database that is away would.</summary>
    private async Task AllowConnections(bool allow)
    {
        var admin = new NpgsqlConnectionStringBuilder(_main) { Database = "postgres" };
        var acmes = new NpgsqlConnectionStringBuilder(_acmes).Database;
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using (var alter = new NpgsqlCommand($"alter database {acmes} allow_connections {allow}", connection))
            await alter.ExecuteNonQueryAsync();
        if (allow) return;
        await using var terminate = new NpgsqlCommand("select pg_terminate_backend(pid) from pg_stat_activity where datname = @name", connection)
            { Parameters = { new("name", acmes) } };
        await terminate.ExecuteNonQueryAsync();
    }

    /// <summary>The message types of the dead letters a deployment operator (an admin of no tenant) lists.</summary>
    private async Task<List<string>> DeadLetterTypes()
    {
        var result = await _host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Admin, "operator"));
            x.Post.Json(new { }).ToUrl("/api/dead-letters");
            x.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<JsonElement>()).EnumerateArray()
            .SelectMany(page => page.GetProperty("envelopes").EnumerateArray())
            .Select(e => e.GetProperty("messageType").GetString()!).ToList();
    }

    private static JsonElement Check(JsonElement health, string name) => health.GetProperty("checks").GetProperty(name);

    private async Task<JsonElement> Health()
    {
        var result = await _host.Scenario(x =>
        {
            x.Get.Url("/health");
            x.IgnoreStatusCode();
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        _environment.Dispose();
    }
}

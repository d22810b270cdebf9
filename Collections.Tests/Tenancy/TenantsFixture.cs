using Alba;
using Collections.Tests.Integration;
using Collections.Tests.Support;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Collections.Tests.Tenancy;

/// <summary>
/// One API host serving two creditor companies, acme and globex, each with its own credit policy (globex's is the
/// default ladder under another version, so a test can tell whose policy ran), in a database of the host's own: conjoined
/// there (<see cref="ConjoinedTenantsFixture"/>), or acme in a database of its own (<see cref="TenantDatabasesFixture"/>).
/// Callers present development tokens (<see cref="Tokens"/>) whose <c>tenant</c> claim names their tenant (<see cref="TenancyContext.As"/>).
/// </summary>
public abstract class TenantsFixture : IAsyncLifetime
{
    public const string Acme = "acme";
    public const string Globex = "globex";
    public const string GlobexPolicyVersion = "globex-2031.1";

    private readonly ProcessEnvironment _environment = new();
    private readonly string _work = Directory.CreateTempSubdirectory("collections-tenants-").FullName;

    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    public SmtpSink Smtp { get; } = new();

    /// <summary>The main database (ConnectionStrings:Marten).</summary>
    public string MainDatabase { get; private set; } = null!;

    /// <summary>acme's own database, or null when acme is conjoined with globex in the main one.</summary>
    public string? AcmeDatabase { get; private set; }

    /// <summary>The suffix of the host's databases, so the two hosts never share one.</summary>
    protected abstract string DatabaseSuffix { get; }

    protected abstract bool AcmeHasItsOwnDatabase { get; }

    public async ValueTask InitializeAsync()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "policies", "default.json");
        var globexPolicy = Path.Combine(_work, "globex.json");
        await File.WriteAllTextAsync(globexPolicy,
            (await File.ReadAllTextAsync(shipped)).Replace("\"version\": \"2026.1\"", $"\"version\": \"{GlobexPolicyVersion}\""));

        MainDatabase = await TestDatabase.Recreate(DatabaseSuffix);
        if (AcmeHasItsOwnDatabase) AcmeDatabase = await TestDatabase.Recreate($"{DatabaseSuffix}_{Acme}");
        _environment.Set("ConnectionStrings__Marten", MainDatabase)
            .Set("ConnectionStrings__RabbitMq", Broker.Uri.ToString())
            .Set($"Collections__Tenants__{Acme}__PolicyFile", shipped)
            .Set($"Collections__Tenants__{Globex}__PolicyFile", globexPolicy)
            .Set("Collections__Email__SmtpHost", "127.0.0.1")
            .Set("Collections__Email__SmtpPort", Smtp.Port.ToString())
            .Set("Collections__Sweep__Enabled", "false");
        if (AcmeDatabase is not null) _environment.Set($"Collections__Tenants__{Acme}__ConnectionString", AcmeDatabase);

        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.RunWolverineInSoloMode();
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        _environment.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}

/// <summary>acme and globex conjoined in one database.</summary>
public sealed class ConjoinedTenantsFixture : TenantsFixture
{
    protected override string DatabaseSuffix => "tenants";
    protected override bool AcmeHasItsOwnDatabase => false;
}

/// <summary>acme in a database of its own (a second database on the same cluster), globex conjoined in the main one.</summary>
public sealed class TenantDatabasesFixture : TenantsFixture
{
    protected override string DatabaseSuffix => "tenantdbs";
    protected override bool AcmeHasItsOwnDatabase => true;
}

[CollectionDefinition(Name)]
public sealed class TenantsCollection : ICollectionFixture<ConjoinedTenantsFixture>
{
    public const string Name = "tenants";
}

[CollectionDefinition(Name)]
public sealed class TenantDatabasesCollection : ICollectionFixture<TenantDatabasesFixture>
{
    public const string Name = "tenant-databases";
}

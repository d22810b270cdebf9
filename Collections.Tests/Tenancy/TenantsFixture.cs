using Alba;
using Collections.Tests.Integration;
using Collections.Tests.Support;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Collections.Tests.Tenancy;

/// <summary>
/// One API host serving two creditor companies, acme and globex, conjoined in a database of its own, each with its
/// own credit policy (globex's is the default ladder under another version, so a test can tell whose policy ran).
/// Callers present development tokens (<see cref="Tokens"/>) whose <c>tenant</c> claim names their tenant (<see cref="TenancyContext.As"/>).
/// </summary>
public sealed class TenantsFixture : IAsyncLifetime
{
    public const string Acme = "acme";
    public const string Globex = "globex";
    public const string GlobexPolicyVersion = "globex-2031.1";

    private readonly ProcessEnvironment _environment = new();
    private readonly string _work = Directory.CreateTempSubdirectory("collections-tenants-").FullName;

    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    public SmtpSink Smtp { get; } = new();

    public async ValueTask InitializeAsync()
    {
        // The shipped policy for both, with the tests' collectors among the staff; globex's under another version.
        var shipped = await TestStaff.WriteDefaultPolicy(_work);
        var globexPolicy = Path.Combine(_work, "globex.json");
        await File.WriteAllTextAsync(globexPolicy,
            (await File.ReadAllTextAsync(shipped)).Replace("\"version\": \"2026.1\"", $"\"version\": \"{GlobexPolicyVersion}\""));

        _environment.Set("ConnectionStrings__Marten", await TestDatabase.Recreate("tenants"))
            .Set("ConnectionStrings__RabbitMq", Broker.Uri.ToString())
            .Set($"Collections__Tenants__{Acme}__PolicyFile", shipped)
            .Set($"Collections__Tenants__{Globex}__PolicyFile", globexPolicy)
            .Set("Collections__Email__SmtpHost", "127.0.0.1")
            .Set("Collections__Email__SmtpPort", Smtp.Port.ToString())
            .Set("Collections__Sweep__Enabled", "false");

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

[CollectionDefinition(Name)]
public sealed class TenantsCollection : ICollectionFixture<TenantsFixture>
{
    public const string Name = "tenants";
}

using Alba;
using Collections.Tests.Contracts;
using Microsoft.AspNetCore.Hosting;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Collections.Tests.Support;

/// <summary>One API host per test run, on the real PostgreSQL that `./collections test` prepares.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>
    /// The private cluster's test database, unless the environment names another: on the port and with the name
    /// `./collections test` uses (COLLECTIONS_PG_PORT, COLLECTIONS_TEST_DB), so a bare `dotnet test` in one work
    /// tree never drops another's database.
    /// </summary>
    public static readonly string DefaultConnection =
        $"Host=127.0.0.1;Port={Setting("COLLECTIONS_PG_PORT", "55432")};Database={Setting("COLLECTIONS_TEST_DB", "collections_tests")};Username=collections";

    /// <summary>The private RabbitMQ node that `./collections test` starts (COLLECTIONS_MQ_PORT), unless the environment names another.</summary>
    public static readonly string DefaultBroker = $"amqp://guest:guest@127.0.0.1:{Setting("COLLECTIONS_MQ_PORT", "56720")}/";

    private static string Setting(string name, string otherwise) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : otherwise;

    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    public SmtpSink Smtp { get; } = new();

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__Marten")))
            Environment.SetEnvironmentVariable("ConnectionStrings__Marten", DefaultConnection);
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq")))
            Environment.SetEnvironmentVariable("ConnectionStrings__RabbitMq", DefaultBroker);

        // Emails go through the real SMTP adapter to a sink the tests read.
        Environment.SetEnvironmentVariable("Collections__Email__SmtpHost", "127.0.0.1");
        Environment.SetEnvironmentVariable("Collections__Email__SmtpPort", Smtp.Port.ToString());

        // Virtual time: tests run the sweep themselves (EscalationSweep.RunOnceAsync), never by the real clock.
        Environment.SetEnvironmentVariable("Collections__Sweep__Enabled", "false");

        // Exchange rates a few days before the tests' due dates (TestClock.Start + 14 days); CHF has none on purpose.
        foreach (var (key, value) in TestExchangeRates.Settings) Environment.SetEnvironmentVariable(key, value);

        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Every answer the suite gets is held to the OpenAPI document when the run ends.
            services.AddSingleton<IStartupFilter, ContractRecorder>();
            services.RunWolverineInSoloMode();
            services.UseGenerousRateLimits();
        }));
        Host.ActingAsAdmin();
    }

    public async ValueTask DisposeAsync()
    {
        var document = await Host.GetAsText("/openapi/v1.json");
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        OpenApiConformance.ShouldHoldFor(document, ContractRecorder.Answers);
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}

using Alba;
using Collections.Api.Edge;
using Collections.Tests.Support;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Collections.Tests.Edge;

/// <summary>
/// An API host of its own (its own database) for what the shared host must never do: throttle callers, with
/// limits small enough to reach in a few requests, and fail on purpose (<see cref="FaultHeader"/>).
/// </summary>
public sealed class EdgeHost : IAsyncLifetime
{
    /// <summary>A request carrying this header gets a body that cannot be read: an exception nobody foresaw.</summary>
    public const string FaultHeader = "X-Test-Fault";

    /// <summary>What the exception says: everything an answer must never repeat.</summary>
    public const string FaultMessage = "Npgsql.PostgresException: Host=db.internal;Port=5432;Username=collections;Password=hunter2 " +
                                       "select * from collections.mt_events at Collections.Api.Secret.Run() in /work/src/Secret.cs:line 42";

    public const string North = "north";
    public const string South = "south";

    public static readonly RateLimit Users = new(3, TimeSpan.FromSeconds(5), 0);
    public static readonly RateLimit Integrations = new(5, TimeSpan.FromSeconds(5), 1);
    public static readonly RateLimit Anonymous = new(2, TimeSpan.FromSeconds(5), 0);

    private readonly ProcessEnvironment _environment = new();
    private readonly string _work = Directory.CreateTempSubdirectory("collections-edge-").FullName;

    public IAlbaHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _environment.Set("ConnectionStrings__Marten", await TestDatabase.Recreate("edge"))
            .Set("Collections__Email__SmtpHost", " ")
            .Set("Collections__Email__PickupDirectory", Path.Combine(_work, "mail"))
            .Set("Collections__Sweep__Enabled", "false");
        // Two tenants, so that one person's limit can be shown not to reach their namesake in another.
        var policy = await TestStaff.WriteDefaultPolicy(_work);
        foreach (var tenant in new[] { North, South })
            _environment.Set($"Collections__Tenants__{tenant}__PolicyFile", policy);
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(b => b.ConfigureServices(s => s.RunWolverineInSoloMode()
            .AddSingleton(new RateLimitSettings(Users, Integrations, Anonymous))
            .AddSingleton<IStartupFilter, FaultInjection>()));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        _environment.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private sealed class FaultInjection : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, call) =>
            {
                if (context.Request.Headers.ContainsKey(FaultHeader)) context.Request.Body = new FailingStream();
                return call(context);
            });
            next(app);
        };
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default) =>
            throw new InvalidOperationException(FaultMessage);

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException(FaultMessage);
    }
}

[CollectionDefinition(Name)]
public sealed class EdgeCollection : ICollectionFixture<EdgeHost>
{
    public const string Name = "edge";
}

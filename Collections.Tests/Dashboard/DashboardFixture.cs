using Collections.Api.Simulation;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Projections.Summaries;
using Collections.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Marten;

namespace Collections.Tests.Dashboard;

/// <summary>
/// A few thousand simulated accounts behind a running API, the read side caught up, a browser, and an
/// independent replay of every event to hold the dashboard's figures against.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const int Accounts = 3000;

    public TestClock Clock { get; } = new();
    public DashboardServer Server { get; private set; } = null!;
    public HeadlessChromium Browser { get; private set; } = null!;

    /// <summary>Every account folded from its raw events by the domain, as the aging report needs it.</summary>
    public IReadOnlyDictionary<string, DebtorAccount> Replayed { get; private set; } = null!;

    /// <summary>Every account summary folded from its raw events, as the work queue needs it.</summary>
    public IReadOnlyDictionary<string, AccountSummary> ReplayedSummaries { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await DashboardServer.Start(await TestDatabase.Recreate("dashboard"), Clock);
        var store = Server.App.Services.GetRequiredService<IDocumentStore>();
        await SimulatedData.AppendAsync(store, Tenants.Default, new AccountSimulator(seed: 11).Accounts(Accounts, Clock.Now));
        await Server.App.PauseThenCatchUpOnMartenDaemonActivityAsync();
        await Replay(store);
        Browser = new HeadlessChromium();
    }

    private async Task Replay(IDocumentStore store)
    {
        var accounts = new Dictionary<string, DebtorAccount>();
        var summaries = new Dictionary<string, AccountSummary>();
        var projection = new AccountSummaryProjection();
        await using var session = store.QuerySession(Tenants.Default);
        foreach (var e in await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync())
        {
            var id = e.StreamKey!;
            if (!accounts.TryGetValue(id, out var account)) accounts[id] = account = new DebtorAccount();
            account.Evolve(e.Data);
            summaries[id] = projection.Evolve(summaries.GetValueOrDefault(id), id, e);
        }

        Replayed = accounts;
        ReplayedSummaries = summaries;
    }

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

using Collections.Api.Tenancy;
using Collections.Projections.Contacts;
using Collections.Projections.Summaries;
using Collections.Tests.Support;
using Marten.Events.Daemon.Coordination;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Tests.ReadSide;

public class Rebuilds(AppFixture fixture) : ReadSideContext(fixture)
{
    private async Task<(string Summaries, string Histories)> ReadModels()
    {
        await using var session = Store.QuerySession(Tenants.Default);
        var summaries = await session.Query<AccountSummary>().OrderBy(s => s.Id).ToListAsync();
        var histories = await session.Query<ContactHistory>().OrderBy(h => h.Id).ToListAsync();
        return (Canonical(summaries), Canonical(histories));
    }

    [Fact]
    public async Task projections_rebuilt_from_the_event_store_equal_those_built_live()
    {
        await Seed(150);
        await OpenAccountWithPastDueInvoice();
        await Post("contacts", new { channel = "phone", direction = "outbound", contactId = "ap", summary = "left a message", outcome = "leftMessage" }, 200);
        await CatchUp();
        var live = await ReadModels();
        live.Summaries.Length.ShouldBeGreaterThan(10_000);

        // Through the daemon Wolverine runs, so there is only ever one writer of each projection's progress.
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<AccountSummaryProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
        await daemon.RebuildProjectionAsync<ContactHistoryProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
        await CatchUp();

        var rebuilt = await ReadModels();
        rebuilt.Summaries.ShouldBe(live.Summaries);
        rebuilt.Histories.ShouldBe(live.Histories);
    }
}

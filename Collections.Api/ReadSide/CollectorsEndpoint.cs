using Collections.Api.Security;
using Collections.Projections.Aging;
using Collections.Projections.Summaries;
using Collections.Projections.WorkQueues;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.ReadSide;

/// <param name="Aging">The collector's aging rows, one per currency.</param>
/// <param name="WorkToday">How many items of each kind are in the collector's queue today.</param>
public sealed record CollectorRow(string Collector, IReadOnlyList<AgingRow> Aging, IReadOnlyDictionary<WorkKind, int> WorkToday);

public static class CollectorsEndpoint
{
    /// <summary>The per-collector table of the dashboard: each collector's aging and today's work, by kind.</summary>
    [WolverineGet("/api/collectors"), Tags("Reports"), ProducesResponseType<Fresh<IReadOnlyList<CollectorRow>>>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> Get(IDocumentStore store, IQuerySession session, TimeProvider clock, CancellationToken token)
    {
        var now = clock.GetUtcNow();
        var summaries = await AgingEndpoint.Live(session, now, token);
        var aging = AgingCalculator.Report(summaries.Select(s => s.Account), now).ByCollector.ToLookup(r => r.Group);
        var work = summaries.Where(s => s.NeedsAttention).SelectMany(s => WorkQueue.For(s, now))
            .ToLookup(i => i.Collector ?? "(unassigned)");

        var rows = aging.Select(g => g.Key).Union(work.Select(g => g.Key)).Order()
            .Select(c => new CollectorRow(c, aging[c].ToList(), work[c].GroupBy(i => i.Kind).ToDictionary(k => k.Key, k => k.Count())))
            .ToList();
        return Results.Ok(new Fresh<IReadOnlyList<CollectorRow>>(rows, await ProjectionLag.Of(store, session, nameof(AccountSummary), token)));
    }
}

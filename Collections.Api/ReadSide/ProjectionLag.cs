using Collections.Api.Integration.Outbound;
using Marten;

namespace Collections.Api.ReadSide;

/// <param name="EventsBehind">Events of the caller's tenant that this read model has not processed yet.</param>
public sealed record Freshness(string Projection, long ProcessedUpTo, long LatestEvent, long EventsBehind);

/// <summary>
/// Every read-side answer says how far behind the event store it is, counted in the caller's own events: how far
/// the projection has got is its database's (one daemon shard per database, for every tenant in it), but what is still
/// to come is the tenant's, so one tenant never learns how busy another is.
/// </summary>
public static class ProjectionLag
{
    public static async Task<Freshness> Of(IDocumentStore store, IQuerySession session, string projection, CancellationToken token)
    {
        var progress = await store.Advanced.AllProjectionProgress(session.TenantId, token);
        var processed = progress.Where(p => p.ShardName.StartsWith(projection + ":", StringComparison.Ordinal))
            .Select(p => p.Sequence).DefaultIfEmpty(0).Min();
        var behind = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > processed && e.StreamKey != StoredEvents.TombstoneStream).CountAsync(token);
        return new Freshness(projection, processed, Math.Max(processed, await LatestOf(session, token)), behind);
    }

    /// <summary>The sequence of the tenant's latest event (0 when it has none); the session is the tenant's.</summary>
    public static async Task<long> LatestOf(IQuerySession session, CancellationToken token) =>
        (await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(token))?.Sequence ?? 0;
}

public sealed record Fresh<T>(T Data, Freshness Freshness);

using Marten;

namespace Collections.Api.ReadSide;

/// <param name="EventsBehind">Events appended to the store that this read model has not processed yet.</param>
public sealed record Freshness(string Projection, long ProcessedUpTo, long LatestEvent, long EventsBehind);

/// <summary>Every read-side answer says how far behind the event store it is.</summary>
public static class ProjectionLag
{
    public static async Task<Freshness> Of(IDocumentStore store, string projection, CancellationToken token)
    {
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: token);
        var progress = await store.Advanced.AllProjectionProgress(token: token);
        var processed = progress.Where(p => p.ShardName.StartsWith(projection + ":", StringComparison.Ordinal))
            .Select(p => p.Sequence).DefaultIfEmpty(0).Min();
        var latest = statistics.EventSequenceNumber;
        return new Freshness(projection, processed, latest, Math.Max(0, latest - processed));
    }
}

public sealed record Fresh<T>(T Data, Freshness Freshness);

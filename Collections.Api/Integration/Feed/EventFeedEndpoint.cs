using Collections.Api.Integration.Contract;
using Collections.Api.Integration.Outbound;
using Collections.Api.Security;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.Integration.Feed;

/// <param name="Next">The cursor for the next call: the last event's sequence, or <c>after</c> when nothing came.</param>
public sealed record EventFeedPage(IReadOnlyList<CloudEvent> Events, long Next);

public static class EventFeedEndpoint
{
    public const int MaxLimit = 500;
    public const int MaxWaitSeconds = 60;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Every collection event of the caller's tenant after a position in its database's order, as the same CloudEvents
    /// the exchange carries.
    /// With waitSeconds, a long poll: answers as soon as something arrives, or empty when the time is up.
    /// </summary>
    [WolverineGet("/api/events"), Tags("Integration"), ProducesResponseType<EventFeedPage>(200), Authorize(Policy = Capability.Feed)]
    public static async Task<IResult> Get(long? after, int? limit, int? waitSeconds, IDocumentStore store, IQuerySession session,
        BrokerSettings broker, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (after < 0) errors["after"] = ["must be 0 or more."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"must be between 1 and {MaxLimit}."];
        if (waitSeconds is < 0 or > MaxWaitSeconds) errors["waitSeconds"] = [$"must be between 0 and {MaxWaitSeconds}."];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The request is invalid",
                detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

        var from = after ?? 0;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(waitSeconds ?? 0);
        var token = http.RequestAborted;
        while (true)
        {
            var events = await ReadAsync(store, session, from, limit ?? 100, token);
            if (events.Count > 0 || DateTimeOffset.UtcNow >= deadline)
                return Results.Json(new EventFeedPage(Publishable(events, broker.Source),
                    events.Count > 0 ? events[^1].Sequence : from), CloudEvent.Json);
            await Task.Delay(PollInterval, token);
        }
    }

    /// <summary>
    /// An event without a contract is left out (the relay has dead-lettered it, see <c>UnrelayableEvent</c>); the
    /// cursor still moves past it, so one such row never blocks the feed.
    /// </summary>
    private static List<CloudEvent> Publishable(IReadOnlyList<JasperFx.Events.IEvent> events, string source)
    {
        var page = new List<CloudEvent>(events.Count);
        foreach (var e in events)
            if (e.TryToCloudEvent(source, out var cloudEvent, out _)) page.Add(cloudEvent);
        return page;
    }

    /// <summary>
    /// Only up to the high-water mark of the tenant's database: below it no transaction can still commit an event, so a
    /// cursor never moves past a sequence number that would fill in later. Each database numbers its own events, so the
    /// cursor is a position in the caller's tenant's database, which is all this feed serves.
    /// </summary>
    private static async Task<IReadOnlyList<JasperFx.Events.IEvent>> ReadAsync(IDocumentStore store, IQuerySession session, long after,
        int limit, CancellationToken token)
    {
        var highWaterMark = (await store.Advanced.AllProjectionProgress(session.TenantId, token))
            .FirstOrDefault(s => s.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0;
        if (highWaterMark <= after) return [];
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= highWaterMark && e.StreamKey != StoredEvents.TombstoneStream)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(token);
    }
}

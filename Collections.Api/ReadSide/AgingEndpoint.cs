using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Projections.Aging;
using Collections.Projections.Summaries;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.ReadSide;

public static class AgingEndpoint
{
    /// <summary>
    /// Aging buckets (current, 1–30, 31–60, 61–90, 90+ days past due) in total, per collector, per segment and
    /// per currency, with DSO. Without <c>asOf</c>: now, from the account summaries. With <c>asOf</c> (say a
    /// month end): replayed from the events recorded up to that moment, as the report stood then.
    /// </summary>
    [WolverineGet("/api/reports/aging"), Tags("Reports"), ProducesResponseType<Fresh<AgingReport>>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> Get(DateTimeOffset? asOf, IDocumentStore store, IQuerySession session,
        TimeProvider clock, CancellationToken token)
    {
        var now = clock.GetUtcNow();
        if (asOf > now)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = ["must not be in the future."] });

        if (asOf is { } past)
        {
            // Replayed from the event store itself, so never behind it.
            var latest = await ProjectionLag.LatestOf(session, token);
            return Results.Ok(new Fresh<AgingReport>(AgingCalculator.Report(await Replay(session, past.ToUniversalTime(), token), past),
                new Freshness("events", latest, latest, 0)));
        }

        var summaries = await Live(session, now, token);
        return Results.Ok(new Fresh<AgingReport>(AgingCalculator.Report(summaries.Select(s => s.Account), now),
            await ProjectionLag.Of(store, session, nameof(AccountSummary), token)));
    }

    /// <summary>The summaries a live report needs: accounts with anything open, or with sales inside the DSO window.</summary>
    public static async Task<IReadOnlyList<AccountSummary>> Live(IQuerySession session, DateTimeOffset now, CancellationToken token)
    {
        var recent = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-AgingCalculator.DsoWindowDays - 1);
        return await session.Query<AccountSummary>().Where(s => s.NeedsAttention || s.LatestIssueDate >= recent).ToListAsync(token);
    }

    /// <summary>Every account of the session's tenant as its events up to <paramref name="asOf"/> fold it (Marten filters raw events by tenant).</summary>
    private static async Task<IEnumerable<DebtorAccount>> Replay(IQuerySession session, DateTimeOffset asOf, CancellationToken token)
    {
        var accounts = new Dictionary<string, DebtorAccount>();
        var events = session.Events.QueryAllRawEvents().Where(e => e.Timestamp <= asOf).OrderBy(e => e.Sequence)
            .ToAsyncEnumerable(token);
        await foreach (var e in events)
        {
            if (!accounts.TryGetValue(e.StreamKey!, out var account)) accounts[e.StreamKey!] = account = new DebtorAccount();
            account.Evolve(e.Data);
        }

        return accounts.Values;
    }
}

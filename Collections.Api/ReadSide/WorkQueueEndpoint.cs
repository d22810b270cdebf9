using Collections.Api.Security;
using Collections.Projections.Summaries;
using Collections.Projections.WorkQueues;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.ReadSide;

public sealed record WorkQueuePage(IReadOnlyList<WorkItem> Items, int Total, int Page, int PageSize,
    IReadOnlyDictionary<WorkKind, int> CountsByKind);

public static class WorkQueueEndpoint
{
    /// <summary>
    /// What needs doing today: calls due, letters to send, contact details to find, promises falling due, broken promises,
    /// final-notice deadlines, holds to review, disputes. Highest priority first (<c>sort=dueAt</c> for soonest first).
    /// <c>collector</c>: one person's work, the tasks assigned to them and the rest of their accounts' items.
    /// </summary>
    [WolverineGet("/api/work-queue"), Tags("Work queues"), ProducesResponseType<Fresh<WorkQueuePage>>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> Get(string? collector, string? kind, string? sort, int? page, int? pageSize,
        IDocumentStore store, IQuerySession session, TimeProvider clock, CancellationToken token)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        if (!QueryValues.TryEnum<WorkKind>(kind, "kind", out var only, out var badKind)) return badKind!;
        if (sort is not (null or "priority" or "dueAt"))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["sort"] = ["must be priority or dueAt."] });

        var query = session.Query<AccountSummary>().Where(s => s.NeedsAttention);
        if (collector is not null) query = query.Where(s => s.Assignees.Contains(collector));
        var now = clock.GetUtcNow();
        var items = (await query.ToListAsync(token)).SelectMany(s => WorkQueue.For(s, now))
            .Where(i => collector is null || i.Collector == collector).ToList();

        var counts = items.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());
        if (only is not null) items = items.Where(i => i.Kind == only).ToList();
        var ordered = sort == "dueAt"
            ? items.OrderBy(i => i.DueAt).ThenByDescending(i => i.Priority)
            : items.OrderByDescending(i => i.Priority).ThenBy(i => i.DueAt);
        var (p, size) = Paging.Resolve(page, pageSize);
        return Results.Ok(new Fresh<WorkQueuePage>(
            new WorkQueuePage(ordered.Skip((p - 1) * size).Take(size).ToList(), items.Count, p, size, counts),
            await ProjectionLag.Of(store, session, nameof(AccountSummary), token)));
    }
}

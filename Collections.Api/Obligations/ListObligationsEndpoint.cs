using Collections.Api.ReadSide;
using Collections.Api.Security;
using Collections.Domain.Dunning.Notices;
using Collections.Projections;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.Obligations;

public sealed record ObligationPage(IReadOnlyList<Obligation> Items, long Total, int Page, int PageSize);

public static class ListObligationsEndpoint
{
    /// <summary>
    /// Consequences announced to debtors, soonest deadline first. <c>status</c>: open, fulfilled or cancelled;
    /// <c>overdue=true</c>: open ones whose deadline has passed, which the follow-through guarantee says must never exist.
    /// </summary>
    [WolverineGet("/api/obligations"), Tags("Obligations"), ProducesResponseType<ObligationPage>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> Get(string? status, bool? overdue, string? accountNumber, int? page,
        int? pageSize, IQuerySession session, TimeProvider clock, CancellationToken token)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;

        if (!QueryValues.TryEnum<ObligationStatus>(status, "status", out var only, out var badStatus)) return badStatus!;

        IQueryable<Obligation> query = session.Query<Obligation>();
        if (only is { } s) query = query.Where(o => o.Status == s);
        if (accountNumber is not null) query = query.Where(o => o.AccountNumber == accountNumber);
        if (overdue == true)
        {
            var now = clock.GetUtcNow();
            query = query.Where(o => o.Status == ObligationStatus.Open && o.Deadline < now);
        }

        var (p, size) = Paging.Resolve(page, pageSize);
        var items = await query.OrderBy(o => o.Deadline).ToPagedListAsync(p, size, token);
        return Results.Ok(new ObligationPage(items.ToList(), items.TotalItemCount, p, size));
    }
}

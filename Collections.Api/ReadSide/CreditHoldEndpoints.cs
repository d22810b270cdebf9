using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Orders;
using System.Text.Json;
using Collections.Api.Tenancy;
using JasperFx.MultiTenancy;
using Collections.Projections.Summaries;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.ReadSide;

public sealed record HeldAccount(string AccountNumber, string DebtorName, string? Collector, string Reason, string PlacedBy,
    DateTimeOffset PlacedAt, IReadOnlyList<Money> PastDue);

public sealed record HoldsPage(IReadOnlyList<HeldAccount> Items, int Total, int Page, int PageSize);

/// <param name="MayPlaceOrders">False while a rule of the credit policy's <c>orders</c> applies (a credit hold, a write-off, …).</param>
/// <param name="Rule">The rule that stops orders (<c>creditHold</c>, <c>writtenOff</c>, <c>withAgency</c>, <c>pastDue</c>); null when they may ship.</param>
/// <param name="Since">When that rule began to apply.</param>
public sealed record OrderCheck(string AccountNumber, bool MayPlaceOrders, string? Reason, DateTimeOffset? Since, string? Rule);

public static class CreditHoldEndpoints
{
    /// <summary>Accounts on credit hold, longest-held first.</summary>
    [WolverineGet("/api/credit-holds"), Tags("Credit holds"), ProducesResponseType<Fresh<HoldsPage>>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> ListCreditHolds(string? collector, int? page, int? pageSize, IDocumentStore store,
        IQuerySession session, TimeProvider clock, CancellationToken token)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var query = session.Query<AccountSummary>().Where(s => s.OnHold);
        if (collector is not null) query = query.Where(s => s.Collector == collector);
        var now = clock.GetUtcNow();
        var held = (await query.ToListAsync(token)).Select(s => s.Account)
            .Select(a => new HeldAccount(a.Id, a.DebtorName, a.Collector, a.CreditHold!.Reason, a.CreditHold.PlacedBy,
                a.CreditHold.PlacedAt, a.PastDueBalance(now)))
            .OrderBy(h => h.PlacedAt).ToList();
        var (p, size) = Paging.Resolve(page, pageSize);
        return Results.Ok(new Fresh<HoldsPage>(new HoldsPage(held.Skip((p - 1) * size).Take(size).ToList(), held.Count, p, size),
            await ProjectionLag.Of(store, session, nameof(AccountSummary), token)));
    }

    /// <summary>
    /// For order services: may this account place orders right now, by the caller's tenant's credit policy? Read from
    /// the account's inline snapshot, written in the same transaction as the hold itself, so it is never behind: one
    /// primary-key lookup.
    /// </summary>
    [WolverineGet("/api/accounts/{accountNumber}/order-check"), Tags("Credit holds"), ProducesResponseType<OrderCheck>(200), Authorize(Policy = Capability.CheckOrders)]
    public static async Task<IResult> OrderCheck(string accountNumber, IQuerySession session, Tenants tenants, TenantId tenant,
        TimeProvider clock, CancellationToken token)
    {
        var account = await session.LoadAsync<DebtorAccount>(accountNumber, token);
        if (account is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: $"No account '{accountNumber}'.");
        var answer = account.MayPlaceOrders(tenants[tenant.Value].Policy.Orders, clock.GetUtcNow());
        // The rule as a plain string: a nullable enum's generated schema matches null twice, which no validator accepts.
        var rule = answer.Rule is { } stop ? JsonNamingPolicy.CamelCase.ConvertName(stop.ToString()) : null;
        return Results.Ok(new OrderCheck(account.Id, answer.MayPlaceOrders, answer.Reason, answer.Since, rule));
    }
}

using Collections.Api.Accounts;
using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Projections.Contacts;
using Collections.Projections.Summaries;
using Collections.Projections.WorkQueues;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.ReadSide;

public sealed record AccountSummaryView(AccountView Account, DateTimeOffset? LastContactAt,
    DateTimeOffset? LastPromiseBrokenAt, IReadOnlyList<WorkItem> WorkToday);

public static class AccountReadEndpoints
{
    /// <summary>The debtor 360: balances, oldest past-due item, segment, ladder step and next action, hold, promise, disputes, contacts, today's work.</summary>
    [WolverineGet("/api/accounts/{accountNumber}/summary"), Tags("Accounts"), ProducesResponseType<Fresh<AccountSummaryView>>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> GetAccountSummary(string accountNumber, IDocumentStore store, IQuerySession session,
        Tenants tenants, TenantId tenant, TimeProvider clock, CancellationToken token)
    {
        var summary = await session.LoadAsync<AccountSummary>(accountNumber, token);
        if (summary is null) return NotYet(accountNumber);
        var now = clock.GetUtcNow();
        return Results.Ok(new Fresh<AccountSummaryView>(
            new AccountSummaryView(AccountView.Of(summary.Account, now, tenants[tenant.Value].Policy), summary.LastContactAt, summary.LastPromiseBrokenAt,
                WorkQueue.For(summary, now).ToList()),
            await ProjectionLag.Of(store, session, nameof(AccountSummary), token)));
    }

    /// <summary>Every contact with the debtor in order: channel, sender, recipient, the exact text, the outcome.</summary>
    [WolverineGet("/api/accounts/{accountNumber}/contact-history"), Tags("Accounts"), ProducesResponseType<Fresh<IReadOnlyList<ContactEntry>>>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> ContactHistory(string accountNumber, IDocumentStore store, IQuerySession session,
        CancellationToken token)
    {
        var history = await session.LoadAsync<ContactHistory>(accountNumber, token);
        return Results.Ok(new Fresh<IReadOnlyList<ContactEntry>>(history?.Entries ?? [],
            await ProjectionLag.Of(store, session, nameof(ContactHistory), token)));
    }

    private static IResult NotYet(string accountNumber) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account",
            detail: $"No summary for '{accountNumber}': no such account, or it was opened moments ago and the read side has not caught up.");
}

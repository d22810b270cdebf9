using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Promises;
using Collections.Domain.Tasks;
using Collections.Domain.WriteOffs;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.Accounts;

/// <summary>A step ahead that could not go out as the contacts stand: what is missing, and for whom.</summary>
public sealed record ContactGapView(string StepId, Channel Channel, ContactRole RoleWanted, string? ContactId, ContactDetail Missing,
    string Description)
{
    public static ContactGapView Of(ContactGap gap) =>
        new(gap.Step.Id, gap.Step.Channel, gap.RoleWanted, gap.Contact?.ContactId, gap.Missing, gap.Describe());
}

/// <param name="UnderReview">Why the escalation leaves the invoice alone now ("dispute D-1 is open", a dunning block and its reason); null when it is chased.</param>
public sealed record InvoiceView(string InvoiceNumber, string Currency, decimal Amount, decimal LateFees, decimal Paid,
    decimal WrittenOff, decimal Open, DateOnly IssueDate, DateOnly DueDate, int DaysPastDue, ContractTerms? Contract,
    string? UnderReview);

/// <param name="Dunning">Where the account stands on its escalation ladder: segment, next step and its time, or why it is paused.</param>
/// <param name="OpenPromise">With <c>acceptance</c> and <c>acceptanceReason</c>: whether it holds the escalation, and why.</param>
/// <param name="OpenTasks">Calls and letters the escalation asked a person for, not yet completed (<c>POST …/tasks/{taskId}/completion</c>).</param>
/// <param name="PendingWriteOff">A write-off above the four-eyes threshold, waiting for a second credit manager.</param>
/// <param name="AsOf">The moment the balances are computed at; <c>Today</c> is that moment's date in the debtor's time zone.</param>
/// <param name="Country">The debtor's country as given when the account was opened (ISO 3166-1 alpha-2), or null.</param>
/// <param name="WorkingDays">The working days the escalation keeps for this debtor, under the tenant's credit policy.</param>
/// <param name="PastDueForDunning">What the escalation chases: the past-due balance less the invoices under dispute or a dunning block.</param>
/// <param name="DunningBlocks">Invoices left out of the escalation until a date, as they stand at <c>AsOf</c>.</param>
/// <param name="ContactGaps">Steps of the ladder ahead whose message could not go out as the contacts stand now (credit
/// policy, missing contacts and addresses): record the details before the step falls due.</param>
/// <param name="PaymentPlan">The latest payment plan, open or ended, with each instalment's standing today.</param>
public sealed record AccountView(
    string AccountNumber,
    long Version,
    string DebtorName,
    string Segment,
    string TimeZone,
    string? Country,
    WorkingDaysView WorkingDays,
    string? Collector,
    CreditTerms Terms,
    IReadOnlyList<DebtorContact> Contacts,
    DateTimeOffset AsOf,
    DateOnly Today,
    IReadOnlyList<Money> OpenBalance,
    IReadOnlyList<Money> PastDueBalance,
    IReadOnlyDictionary<string, decimal> UnappliedCredit,
    IReadOnlyList<InvoiceView> Invoices,
    PromiseState? OpenPromise,
    IReadOnlyList<DisputeState> OpenDisputes,
    CreditHoldState? CreditHold,
    AgencyReferral? AgencyReferral,
    WriteOffState? WriteOff,
    WriteOffRequested? PendingWriteOff,
    DunningState? Dunning,
    IReadOnlyList<ObligationState> Obligations,
    IReadOnlyList<OpenTask> OpenTasks,
    IReadOnlyList<Money> PastDueForDunning,
    IReadOnlyList<DunningBlockState> DunningBlocks,
    IReadOnlyList<ContactGapView> ContactGaps,
    PaymentPlanView? PaymentPlan)
{
    public static AccountView Of(DebtorAccount account, DateTimeOffset asOf, CreditPolicy policy)
    {
        var today = account.Today(asOf);
        return new AccountView(account.Id, account.Version, account.DebtorName, account.Segment, account.TimeZone,
            account.Country, WorkingDaysView.Of(account, policy, today), account.Collector, account.Terms, account.Contacts, asOf,
            today, account.OpenBalance(),
            account.PastDueBalance(asOf), account.UnappliedCredit,
            account.Invoices.Select(i => new InvoiceView(i.InvoiceNumber, i.Currency, i.Amount, i.LateFees, i.Paid,
                i.WrittenOff, i.Open, i.IssueDate, i.DueDate, i.DaysPastDue(today), i.Contract,
                account.ReviewOf(i.InvoiceNumber, asOf))).ToList(),
            account.OpenPromise, account.OpenDisputes, account.CreditHold, account.AgencyReferral, account.WriteOff,
            account.PendingWriteOff, account.Dunning, account.Obligations, account.OpenTasks, account.PastDueBalanceForDunning(asOf),
            account.DunningBlocks.Where(b => b.IsActive(asOf)).ToList(),
            Domain.Dunning.Ladders.ContactGaps.Ahead(account, policy).Select(ContactGapView.Of).ToList(),
            PaymentPlanView.Of(account.PaymentPlan, today));
    }
}

public static class GetAccountEndpoint
{
    /// <summary>
    /// The account now (from its inline snapshot), or as it stood at a past moment (<c>asOf</c>) or
    /// stream version (<c>atVersion</c>), replayed from its events.
    /// </summary>
    [WolverineGet("/api/accounts/{accountNumber}"), Tags("Accounts"), ProducesResponseType<AccountView>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> Get(string accountNumber, DateTimeOffset? asOf, long? atVersion,
        IQuerySession session, Tenants tenants, TenantId tenant, TimeProvider clock, CancellationToken token)
    {
        if (atVersion is < 1)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["atVersion"] = ["must be 1 or more."] });

        var account = asOf is null && atVersion is null
            ? await session.LoadAsync<DebtorAccount>(accountNumber, token)
            : await session.Events.AggregateStreamAsync<DebtorAccount>(accountNumber, version: atVersion ?? 0,
                timestamp: asOf?.ToUniversalTime(), token: token);

        return account is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account",
                detail: asOf is null && atVersion is null
                    ? $"No account '{accountNumber}'."
                    : $"Account '{accountNumber}' had no events at that point.")
            : Results.Ok(AccountView.Of(account, asOf ?? clock.GetUtcNow(), tenants[tenant.Value].Policy));
    }
}

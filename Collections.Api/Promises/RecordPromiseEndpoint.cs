using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Domain.Promises;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Promises;

public static class RecordPromiseEndpoint
{
    /// <summary>
    /// Records the debtor's promise to pay an amount by a date. Outside the tenant's credit policy's promise rules it
    /// is recorded and referred for a credit manager's approval (<c>PromiseReferredForApproval</c>).
    /// </summary>
    [WolverinePost("/api/accounts/{accountNumber}/promises"), Tags("Promises"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Post(RecordPromise command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion,
            by => account.Aggregate!.Decide(command, by, clock.GetUtcNow(), tenants[tenant.Value].Policy.Promises));
}

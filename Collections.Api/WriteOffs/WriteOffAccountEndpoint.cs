using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Api.Tenancy;
using Collections.Domain.WriteOffs;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.WriteOffs;

public static class WriteOffAccountEndpoint
{
    /// <summary>
    /// Writes off the open balance; afterwards only a reopening is accepted. Above the credit policy's four-eyes
    /// threshold it is only asked for (<c>WriteOffRequested</c>), until a second credit manager decides.
    /// </summary>
    [WolverinePost("/api/accounts/{accountNumber}/write-off"), Tags("Write-offs"), Authorize(Policy = Capability.ManageCredit)]
    public static (IResult, OutgoingMessages) Post(WriteOffAccount command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        // The four-eyes threshold is the caller's tenant's: each tenant has its own credit policy.
        account.Carry(command.ExpectedVersion,
            account.Aggregate!.Decide(command, caller.Actor, tenants[tenant.Value].Policy.WriteOffApproval, clock.GetUtcNow()));
}

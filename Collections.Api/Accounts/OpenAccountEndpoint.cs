using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Accounts;

public static class OpenAccountEndpoint
{
    /// <summary>Opens the debtor account under the creditor's account number. Repeating it with the same details changes nothing.</summary>
    [WolverinePut("/api/accounts/{accountNumber}"), Tags("Accounts"), Authorize(Policy = Capability.OpenAccounts)]
    public static (IResult, OutgoingMessages) Put(string accountNumber, OpenAccount command,
        [AccountStream(Required = false)] IEventStream<DebtorAccount> account, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        account.Carry(null, OpenAccountDecision.Decide(accountNumber, command, account.Aggregate, tenants[tenant.Value].Policy.Staff,
            clock.GetUtcNow()), StatusCodes.Status201Created);
}

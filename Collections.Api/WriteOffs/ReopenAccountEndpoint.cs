using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.WriteOffs;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.WriteOffs;

public static class ReopenAccountEndpoint
{
    /// <summary>Reopens a written-off account: the amounts written off are open again.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/reopen"), Tags("Write-offs"), Authorize(Policy = Capability.ManageCredit)]
    public static (IResult, OutgoingMessages) Post(ReopenAccount command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, caller.Actor, clock.GetUtcNow()));
}

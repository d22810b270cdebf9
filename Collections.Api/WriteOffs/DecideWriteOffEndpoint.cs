using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.WriteOffs;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.WriteOffs;

public static class DecideWriteOffEndpoint
{
    /// <summary>A second, different credit manager approves or declines a write-off that was asked for (four eyes).</summary>
    [WolverinePost("/api/accounts/{accountNumber}/write-off/decision"), Tags("Write-offs"), Authorize(Policy = Capability.ManageCredit)]
    public static (IResult, OutgoingMessages) Post(DecideWriteOff command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, caller.Actor, clock.GetUtcNow()));
}

using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Promises;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Promises;

public static class ApprovePromiseEndpoint
{
    /// <summary>
    /// A credit manager accepts a promise recorded outside the credit policy: from then on it pauses the escalation and
    /// cancels an announced consequence, as a promise within the policy does. The approver is the caller.
    /// </summary>
    [WolverinePost("/api/accounts/{accountNumber}/promises/{promiseId}/approval"), Tags("Promises"), Authorize(Policy = Capability.ManageCredit)]
    public static (IResult, OutgoingMessages) Post(string promiseId, ApprovePromise command,
        [AccountStream] IEventStream<DebtorAccount> account, Caller caller, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(promiseId, command, caller.Actor, clock.GetUtcNow()));
}

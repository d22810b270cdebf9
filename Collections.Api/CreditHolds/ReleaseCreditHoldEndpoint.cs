using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.CreditHolds;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.CreditHolds;

public static class ReleaseCreditHoldEndpoint
{
    /// <summary>Releases the credit hold: a person's decision, and only once nothing is past due.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/credit-hold/release"), Tags("Credit holds"), Authorize(Policy = Capability.ManageCredit)]
    public static (IResult, OutgoingMessages) Post(ReleaseCreditHold command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, caller.Actor, clock.GetUtcNow()));
}

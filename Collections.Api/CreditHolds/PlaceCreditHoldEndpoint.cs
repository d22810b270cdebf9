using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.CreditHolds;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.CreditHolds;

public static class PlaceCreditHoldEndpoint
{
    /// <summary>Places a credit hold: the debtor's pending orders stop.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/credit-hold"), Tags("Credit holds"), Authorize(Policy = Capability.ManageCredit)]
    public static (IResult, OutgoingMessages) Post(PlaceCreditHold command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, caller.Actor, clock.GetUtcNow()));
}

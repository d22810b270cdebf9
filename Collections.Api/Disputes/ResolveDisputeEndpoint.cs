using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Disputes;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Disputes;

public static class ResolveDisputeEndpoint
{
    /// <summary>Resolves an open dispute and records the outcome.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/disputes/{disputeId}/resolution"), Tags("Disputes"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Post(string disputeId, ResolveDispute command,
        [AccountStream] IEventStream<DebtorAccount> account, Caller caller, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion, by => account.Aggregate!.Decide(disputeId, command, by, clock.GetUtcNow()));
}

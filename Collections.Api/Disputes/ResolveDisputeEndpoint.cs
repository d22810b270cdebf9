using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.Disputes;
using JasperFx.Events;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Disputes;

public static class ResolveDisputeEndpoint
{
    /// <summary>Resolves an open dispute and records the outcome.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/disputes/{disputeId}/resolution"), Tags("Disputes")]
    public static (IResult, OutgoingMessages) Post(string disputeId, ResolveDispute command,
        [AccountStream] IEventStream<DebtorAccount> account, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(disputeId, command, clock.GetUtcNow()));
}

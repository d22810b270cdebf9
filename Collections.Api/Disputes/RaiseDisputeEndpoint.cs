using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.Disputes;
using JasperFx.Events;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Disputes;

public static class RaiseDisputeEndpoint
{
    /// <summary>Records that the debtor disputes invoices.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/disputes"), Tags("Disputes")]
    public static (IResult, OutgoingMessages) Post(RaiseDispute command, [AccountStream] IEventStream<DebtorAccount> account,
        TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, clock.GetUtcNow()));
}

using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.WriteOffs;
using JasperFx.Events;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.WriteOffs;

public static class WriteOffAccountEndpoint
{
    /// <summary>Writes off the open balance; afterwards only a reopening is accepted.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/write-off"), Tags("Write-offs")]
    public static (IResult, OutgoingMessages) Post(WriteOffAccount command, [AccountStream] IEventStream<DebtorAccount> account,
        TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, clock.GetUtcNow()));
}

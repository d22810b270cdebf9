using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.WriteOffs;
using JasperFx.Events;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.WriteOffs;

public static class ReopenAccountEndpoint
{
    /// <summary>Reopens a written-off account: the amounts written off are open again.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/reopen"), Tags("Write-offs")]
    public static (IResult, OutgoingMessages) Post(ReopenAccount command, [AccountStream] IEventStream<DebtorAccount> account,
        TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, clock.GetUtcNow()));
}

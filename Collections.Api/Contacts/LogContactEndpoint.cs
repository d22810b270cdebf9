using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.Contacts;
using JasperFx.Events;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Contacts;

public static class LogContactEndpoint
{
    /// <summary>Logs a call or meeting with the debtor and its outcome.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/contacts"), Tags("Contacts")]
    public static (IResult, OutgoingMessages) Post(LogContact command, [AccountStream] IEventStream<DebtorAccount> account,
        TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, clock.GetUtcNow()));
}

using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Contacts;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Contacts;

public static class LogContactEndpoint
{
    /// <summary>Logs a call or meeting with the debtor and its outcome.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/contacts"), Tags("Contacts"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Post(LogContact command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion, by => account.Aggregate!.Decide(command, by, clock.GetUtcNow()));
}

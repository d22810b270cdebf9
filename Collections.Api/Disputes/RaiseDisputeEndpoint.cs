using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Disputes;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Disputes;

public static class RaiseDisputeEndpoint
{
    /// <summary>Records that the debtor disputes invoices.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/disputes"), Tags("Disputes"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Post(RaiseDispute command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion, by => account.Aggregate!.Decide(command, by, clock.GetUtcNow()));
}

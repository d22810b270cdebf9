using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Disputes;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Disputes;

public static class PlaceDunningBlockEndpoint
{
    /// <summary>Leaves one invoice out of the escalation until a date, for a reason (awaiting a credit note), without a dispute.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/invoices/{invoiceNumber}/dunning-block"), Tags("Disputes"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Post(string invoiceNumber, PlaceDunningBlock command,
        [AccountStream] IEventStream<DebtorAccount> account, Caller caller, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion, by => account.Aggregate!.Decide(invoiceNumber, command, by, clock.GetUtcNow()));
}

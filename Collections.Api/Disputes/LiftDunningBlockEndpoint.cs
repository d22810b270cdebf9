using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Disputes;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Disputes;

public static class LiftDunningBlockEndpoint
{
    /// <summary>Ends an invoice's dunning block before its date: the escalation chases the invoice again.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/invoices/{invoiceNumber}/dunning-block/lift"), Tags("Disputes"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Post(string invoiceNumber, LiftDunningBlock command,
        [AccountStream] IEventStream<DebtorAccount> account, Caller caller, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion, by => account.Aggregate!.Decide(invoiceNumber, command, by, clock.GetUtcNow()));
}

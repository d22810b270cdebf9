using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Escalation;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Escalation;

public static class EscalateToAgencyEndpoint
{
    /// <summary>Refers the past-due balance to a collection agency by hand.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/agency-referral"), Tags("Escalation"), Authorize(Policy = Capability.ManageCredit)]
    public static (IResult, OutgoingMessages) Post(EscalateToAgency command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, caller.Actor, clock.GetUtcNow()));
}

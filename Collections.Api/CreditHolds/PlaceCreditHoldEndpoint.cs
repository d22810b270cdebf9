using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.CreditHolds;
using JasperFx.Events;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.CreditHolds;

public static class PlaceCreditHoldEndpoint
{
    /// <summary>Places a credit hold: the debtor's pending orders stop.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/credit-hold"), Tags("Credit holds")]
    public static (IResult, OutgoingMessages) Post(PlaceCreditHold command, [AccountStream] IEventStream<DebtorAccount> account,
        TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, clock.GetUtcNow()));
}

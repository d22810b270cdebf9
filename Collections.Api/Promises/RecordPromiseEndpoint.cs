using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Promises;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Promises;

public static class RecordPromiseEndpoint
{
    /// <summary>Records the debtor's promise to pay an amount by a date.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/promises"), Tags("Promises"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Post(RecordPromise command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion, by => account.Aggregate!.Decide(command, by, clock.GetUtcNow()));
}

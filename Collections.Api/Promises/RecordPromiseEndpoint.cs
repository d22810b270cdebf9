using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.Promises;
using JasperFx.Events;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Promises;

public static class RecordPromiseEndpoint
{
    /// <summary>Records the debtor's promise to pay an amount by a date.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/promises"), Tags("Promises")]
    public static (IResult, OutgoingMessages) Post(RecordPromise command, [AccountStream] IEventStream<DebtorAccount> account,
        TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, clock.GetUtcNow()));
}

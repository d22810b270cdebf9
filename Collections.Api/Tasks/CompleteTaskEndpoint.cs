using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.Tasks;
using JasperFx.Events;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Tasks;

public static class CompleteTaskEndpoint
{
    /// <summary>Closes a task the credit policy created (a call made, a letter posted).</summary>
    [WolverinePost("/api/accounts/{accountNumber}/tasks/{taskId}/completion"), Tags("Tasks")]
    public static (IResult, OutgoingMessages) Post(string taskId, CompleteTask command,
        [AccountStream] IEventStream<DebtorAccount> account, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(taskId, command, clock.GetUtcNow()));
}

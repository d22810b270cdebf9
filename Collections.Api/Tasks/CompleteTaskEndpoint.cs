using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Tasks;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Tasks;

public static class CompleteTaskEndpoint
{
    /// <summary>Closes a task the credit policy created (a call made, a letter posted), by its assignee or whoever works the account.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/tasks/{taskId}/completion"), Tags("Tasks"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Post(string taskId, CompleteTask command,
        [AccountStream] IEventStream<DebtorAccount> account, Caller caller, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion, by => account.Aggregate!.Decide(taskId, command, by, clock.GetUtcNow()), taskId);
}

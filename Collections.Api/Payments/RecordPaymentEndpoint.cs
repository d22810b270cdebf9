using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Payments;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Payments;

public static class RecordPaymentEndpoint
{
    /// <summary>Records a payment, applied to the given invoices or the oldest due first; any excess stays as credit.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/payments"), Tags("Payments"), Authorize(Policy = Capability.Bill)]
    public static (IResult, OutgoingMessages) Post(RecordPayment command, [AccountStream] IEventStream<DebtorAccount> account,
        TimeProvider clock) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command, clock.GetUtcNow()));
}

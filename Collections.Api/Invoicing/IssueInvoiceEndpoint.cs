using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Invoicing;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Invoicing;

public static class IssueInvoiceEndpoint
{
    /// <summary>Issues an invoice; the same invoice sent again is recorded once.</summary>
    [WolverinePost("/api/accounts/{accountNumber}/invoices"), Tags("Invoices"), Authorize(Policy = Capability.Bill)]
    public static (IResult, OutgoingMessages) Post(IssueInvoice command, [AccountStream] IEventStream<DebtorAccount> account) =>
        account.Carry(command.ExpectedVersion, account.Aggregate!.Decide(command));
}

using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Contacts;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.Contacts;

public static class RecordContactDetailsEndpoint
{
    /// <summary>
    /// Adds a debtor contact, or replaces the details on file under its id: the address or number a step of the escalation
    /// is waiting for (which then goes out at once), or the contact in a role the account lacked.
    /// </summary>
    [WolverinePut("/api/accounts/{accountNumber}/contacts/{contactId}"), Tags("Contacts"), Authorize(Policy = Capability.Collect)]
    public static (IResult, OutgoingMessages) Put(string contactId, RecordContactDetails command,
        [AccountStream] IEventStream<DebtorAccount> account, Caller caller, TimeProvider clock) =>
        account.CarryAssigned(caller, command.ExpectedVersion, by => account.Aggregate!.Decide(contactId, command, by, clock.GetUtcNow()));
}

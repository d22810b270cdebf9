using Collections.Domain.Accounts;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Invoicing;
using Marten;

namespace Collections.Api.Dunning;

/// <summary>Applies a contract's late fee on the day it falls due, if the invoice is still unpaid then.</summary>
public static class LateFeeHandler
{
    public static async Task Handle(LateFeeFallsDue message, IDocumentSession session, TimeProvider clock)
    {
        session.LastModifiedBy = StepRunner.PolicyActor;
        var stream = await session.Events.FetchForExclusiveWriting<DebtorAccount>(message.AccountNumber);
        if (stream.Aggregate is { } account)
            stream.AppendMany(account.DecideLateFee(message.InvoiceNumber, clock.GetUtcNow()).Events);
    }
}

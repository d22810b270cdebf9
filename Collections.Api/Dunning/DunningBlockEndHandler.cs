using Collections.Domain.Accounts;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Ladders;
using Marten;
using Wolverine;

namespace Collections.Api.Dunning;

/// <summary>
/// Ends a dunning block on its date, whether or not an escalation runs, so the history always shows it; the escalation
/// then hears of it (<see cref="DunningBlockChanged"/>) and chases the invoice again.
/// </summary>
public static class DunningBlockEndHandler
{
    public static async Task<OutgoingMessages> Handle(DunningBlockEnds message, IDocumentSession session, TimeProvider clock)
    {
        session.LastModifiedBy = StepRunner.PolicyActor;
        var stream = await session.Events.FetchForExclusiveWriting<DebtorAccount>(message.AccountNumber);
        if (stream.Aggregate is not { } account) return [];
        var ended = account.DecideBlockEnd(message.InvoiceNumber, clock.GetUtcNow()).Events;
        stream.AppendMany(ended);
        return DunningTriggers.For(account, ended);
    }
}

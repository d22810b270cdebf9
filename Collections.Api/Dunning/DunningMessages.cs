using Wolverine.Persistence.Sagas;

namespace Collections.Api.Dunning;

/// <summary>A message about one account: an account's messages are handled one at a time (see <see cref="AccountMessageQueues"/>).</summary>
public interface IAccountMessage
{
    string AccountNumber { get; }
}

/// <summary>Scheduled for the first moment an invoice is past due (midnight after its due date, debtor's time).</summary>
public sealed record InvoiceFellDue([property: SagaIdentity] string AccountNumber, string InvoiceNumber) : IAccountMessage;

/// <summary>The saga's own timer; a wake-up whose generation the saga has moved past is ignored.</summary>
public sealed record DunningWakeup([property: SagaIdentity] string AccountNumber, int Generation) : IAccountMessage;

public sealed record PaymentRecorded([property: SagaIdentity] string AccountNumber, string PaymentId) : IAccountMessage;

public sealed record PromiseRecorded([property: SagaIdentity] string AccountNumber, string PromiseId, DateOnly PromisedDate) : IAccountMessage;

public sealed record DisputeOpened([property: SagaIdentity] string AccountNumber, string DisputeId) : IAccountMessage;

public sealed record DisputeClosed([property: SagaIdentity] string AccountNumber, string DisputeId) : IAccountMessage;

/// <summary>A contact's details were recorded: a step waiting for them may go out now.</summary>
public sealed record ContactDetailsChanged([property: SagaIdentity] string AccountNumber) : IAccountMessage;

/// <summary>A person referred the account to an agency or wrote it off: the ladder has nothing left to do.</summary>
public sealed record EscalationStopped([property: SagaIdentity] string AccountNumber, string Reason) : IAccountMessage;

/// <summary>Scheduled for the day an invoice's contract late fee falls due.</summary>
public sealed record LateFeeFallsDue(string AccountNumber, string InvoiceNumber) : IAccountMessage;

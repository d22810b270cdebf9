using Collections.Domain.Common;
using Collections.Domain.Contacts;
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

/// <summary>A contact with the debtor was logged: hearing from them before a final notice's deadline counts.</summary>
public sealed record ContactRecorded([property: SagaIdentity] string AccountNumber, Channel Channel, ContactDirection Direction,
    ContactOutcome Outcome, string? ContactId, DateTimeOffset OccurredAt) : IAccountMessage;

/// <summary>A person closed a task: for a final notice they had to send, it is sent now.</summary>
public sealed record TaskCompleted([property: SagaIdentity] string AccountNumber, string TaskId, DateTimeOffset CompletedAt) : IAccountMessage;

/// <param name="Cause">What happened, in words for the history ("dunning block on INV-7 placed").</param>
public sealed record DunningBlockChanged([property: SagaIdentity] string AccountNumber, string Cause) : IAccountMessage;

/// <summary>A person referred the account to an agency or wrote it off: the ladder has nothing left to do.</summary>
public sealed record EscalationStopped([property: SagaIdentity] string AccountNumber, string Reason) : IAccountMessage;

/// <summary>Scheduled for the day an invoice's contract late fee falls due.</summary>
public sealed record LateFeeFallsDue(string AccountNumber, string InvoiceNumber) : IAccountMessage;

/// <summary>Scheduled for the end date of a dunning block (00:00 after its last day, debtor's time).</summary>
public sealed record DunningBlockEnds(string AccountNumber, string InvoiceNumber) : IAccountMessage;

/// <summary>Scheduled for the day an invoice becomes more than the credit policy's order limit past due.</summary>
public sealed record OrderLimitFallsDue(string AccountNumber, string InvoiceNumber) : IAccountMessage;

using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Notices;

/// <summary>
/// A final notice a person must send (letter, courier, fax…) is ready: its deadline starts only once it is sent,
/// so no consequence can follow a notice that never went out.
/// </summary>
public sealed record FinalNoticeAwaitingDispatch(string StepId, string TaskId, Channel Channel, StepAction Consequence,
    DateTimeOffset PreparedAt);

/// <summary>A final notice not yet sent is no longer to be sent (a promise, a dispute, a payment overtook it).</summary>
public sealed record FinalNoticeWithdrawn(string StepId, string TaskId, string Reason, DateTimeOffset WithdrawnAt);

/// <summary>The debtor got in touch before the deadline: the consequence waits for the follow-up.</summary>
/// <param name="FollowUpUntil">When the consequence runs after all, unless a payment, promise, plan or dispute comes first.</param>
public sealed record ObligationSuspended(string ObligationId, string Reason, DateTimeOffset FollowUpUntil,
    DateTimeOffset SuspendedAt);

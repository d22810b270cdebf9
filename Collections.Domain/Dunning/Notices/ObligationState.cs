using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Notices;

public enum ObligationStatus
{
    Open = 1,
    Fulfilled = 2,
    Cancelled = 3
}

/// <param name="DeadlineMoved">Why the deadline is later than the response window alone would make it (a non-working day).</param>
public sealed record ObligationState(string ObligationId, StepAction Consequence, DateTimeOffset Deadline,
    ObligationStatus Status, string? Reason, WorkingDayMove? DeadlineMoved = null);

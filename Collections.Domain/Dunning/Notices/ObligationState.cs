using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Notices;

public enum ObligationStatus
{
    Open = 1,
    Fulfilled = 2,
    Cancelled = 3
}

/// <param name="Deadline">When the consequence runs; after contact in time, the end of the follow-up.</param>
/// <param name="HeldBecause">Why the consequence waits past the notice's own deadline (the debtor got in touch).</param>
public sealed record ObligationState(string ObligationId, StepAction Consequence, DateTimeOffset Deadline,
    ObligationStatus Status, string? Reason, string? HeldBecause = null);

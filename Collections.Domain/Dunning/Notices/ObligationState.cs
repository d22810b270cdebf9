using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Notices;

public enum ObligationStatus
{
    Open = 1,
    Fulfilled = 2,
    Cancelled = 3
}

public sealed record ObligationState(string ObligationId, StepAction Consequence, DateTimeOffset Deadline,
    ObligationStatus Status, string? Reason);

namespace Collections.Domain.Dunning;

/// <summary>Where the account stands on its ladder, as the account shows it.</summary>
public sealed class DunningState
{
    public CollectionSegment Segment { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The next step and its time; null while paused.</summary>
    public DunningStepScheduled? NextStep { get; set; }

    public string? PausedFor { get; set; }
}

public enum ObligationStatus
{
    Open = 1,
    Fulfilled = 2,
    Cancelled = 3
}

public sealed record ObligationState(string ObligationId, StepAction Consequence, DateTimeOffset Deadline,
    ObligationStatus Status, string? Reason);

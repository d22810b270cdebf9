using Collections.Domain.Currencies;
using Collections.Domain.Dunning.PolicyFile;
namespace Collections.Domain.Dunning.Ladders;

/// <summary>Where the account stands on its ladder, as the account shows it.</summary>
public sealed class DunningState
{
    public CollectionSegment Segment { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Why the account is in its segment, with the conversions the high-value threshold was measured at.</summary>
    public string? SegmentReason { get; set; }

    public IReadOnlyList<Conversion> Conversions { get; set; } = [];

    /// <summary>The next step and its time; null while paused.</summary>
    public DunningStepScheduled? NextStep { get; set; }

    public string? PausedFor { get; set; }
}

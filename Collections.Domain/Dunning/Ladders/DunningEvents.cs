using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Currencies;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Ladders;

/// <param name="OldestDueDate">Due date of the oldest past-due invoice: the ladder's day zero.</param>
/// <param name="SegmentReason">Why this segment, in words (null on escalations started before it was recorded).</param>
/// <param name="Conversions">The past-due amounts as measured against the high-value threshold, at the rates used.</param>
public sealed record DunningStarted(CollectionSegment Segment, string PolicyVersion, DateOnly OldestDueDate,
    DateTimeOffset StartedAt, string? SegmentReason = null, IReadOnlyList<Conversion>? Conversions = null);

/// <summary>The next step and when it will run: what the debtor has been told will happen is visible here.</summary>
public sealed record DunningStepScheduled(string StepId, StepAction Action, Channel Channel, DateTimeOffset DueAt);

public sealed record DunningPaused(string Reason, DateTimeOffset? Until, DateTimeOffset PausedAt);

public sealed record DunningResumed(string Reason, string NextStepId, DateTimeOffset ResumedAt);

public sealed record DunningCompleted(string Reason, DateTimeOffset CompletedAt);

/// <summary>Work for a person: a call to make, or a letter, fax or SMS to send by hand.</summary>
/// <param name="Instructions">The rendered call script or message text.</param>
public sealed record CollectionTaskCreated(
    string TaskId,
    string StepId,
    Channel Channel,
    SenderRole AssigneeRole,
    string Assignee,
    string ContactId,
    ContactRole ContactRole,
    string Instructions,
    DateTimeOffset DueAt);

public sealed record ReportedToCreditBureau(string Bureau, IReadOnlyList<Money> Amounts, DateTimeOffset ReportedAt);

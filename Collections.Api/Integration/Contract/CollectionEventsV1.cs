namespace Collections.Api.Integration.Contract;

// Version 1 of what collectors and the escalation ladder do with an account. Rendered message texts and call
// scripts stay inside the service: subscribers learn that something was sent or assigned, and to whom.

public sealed record PromiseMadeV1(string PromiseId, Amount Amount, DateOnly PromisedDate, string? ContactId, string RecordedBy,
    DateTimeOffset MadeAt) : IEventData;

public sealed record PromiseKeptV1(string PromiseId, DateTimeOffset KeptAt) : IEventData;

public sealed record PromiseBrokenV1(string PromiseId, Amount AmountShort, DateTimeOffset BrokenAt) : IEventData;

public sealed record DisputeRaisedV1(string DisputeId, IReadOnlyList<string> InvoiceNumbers, string Reason, string RaisedBy,
    DateTimeOffset RaisedAt) : IEventData;

public sealed record DisputeResolvedV1(string DisputeId, string Outcome, string ResolvedBy, DateTimeOffset ResolvedAt) : IEventData;

public sealed record ContactLoggedV1(string Channel, string Direction, string? ContactId, string LoggedBy, string Outcome,
    DateTimeOffset OccurredAt) : IEventData;

public sealed record ReminderSentV1(string StepId, string Channel, string Template, string RecipientContactId, string RecipientRole,
    DateTimeOffset SentAt) : IEventData;

/// <param name="SegmentReason">Why the segment, in words; null on escalations started before it was recorded.</param>
/// <param name="Conversions">The past-due amounts as measured against the high-value threshold, at the rates used; empty for a chronic late payer and on escalations started before it was recorded.</param>
public sealed record DunningStartedV1(string Segment, string PolicyVersion, DateOnly OldestDueDate, DateTimeOffset StartedAt,
    string? SegmentReason, IReadOnlyList<ConversionV1> Conversions) : IEventData;

public sealed record DunningStepScheduledV1(string StepId, string Action, string Channel, DateTimeOffset DueAt) : IEventData;

public sealed record DunningPausedV1(string Reason, DateTimeOffset? Until, DateTimeOffset PausedAt) : IEventData;

public sealed record DunningResumedV1(string Reason, string NextStepId, DateTimeOffset ResumedAt) : IEventData;

public sealed record DunningCompletedV1(string Reason, DateTimeOffset CompletedAt) : IEventData;

public sealed record CollectionTaskCreatedV1(string TaskId, string StepId, string Channel, string AssigneeRole, string Assignee,
    string ContactId, DateTimeOffset DueAt) : IEventData;

/// <summary>The note a person wrote stays inside the service, like rendered texts.</summary>
public sealed record CollectionTaskCompletedV1(string TaskId, string CompletedBy, DateTimeOffset CompletedAt) : IEventData;

public sealed record ObligationRecordedV1(string ObligationId, string Consequence, DateTimeOffset Deadline, string AnnouncedInStep,
    DateTimeOffset RecordedAt) : IEventData;

public sealed record ObligationFulfilledV1(string ObligationId, DateTimeOffset FulfilledAt) : IEventData;

public sealed record ObligationCancelledV1(string ObligationId, string Reason, DateTimeOffset CancelledAt) : IEventData;

/// <summary>The debtor got in touch before the deadline: the consequence waits until <c>followUpUntil</c>.</summary>
public sealed record ObligationSuspendedV1(string ObligationId, string Reason, DateTimeOffset FollowUpUntil, DateTimeOffset SuspendedAt) : IEventData;

/// <summary>A final notice a person must send is prepared; its deadline starts only once it is sent.</summary>
public sealed record FinalNoticeAwaitingDispatchV1(string StepId, string TaskId, string Channel, string Consequence, DateTimeOffset PreparedAt) : IEventData;

public sealed record FinalNoticeWithdrawnV1(string StepId, string TaskId, string Reason, DateTimeOffset WithdrawnAt) : IEventData;

using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Notices;

/// <summary>A final notice announced a consequence for a deadline; it must be carried out or cancelled with a reason.</summary>
public sealed record ObligationRecorded(string ObligationId, StepAction Consequence, DateTimeOffset Deadline,
    string AnnouncedInStep, DateTimeOffset RecordedAt);

public sealed record ObligationFulfilled(string ObligationId, DateTimeOffset FulfilledAt);

public sealed record ObligationCancelled(string ObligationId, string Reason, DateTimeOffset CancelledAt);

namespace Collections.Api.Integration.Contract;

// Version 1 of what the escalation does when a contact or an address is missing, and of contact details recorded.
// Addresses, numbers and task instructions stay inside the service, like rendered texts.

public sealed record RecipientSubstitutedV1(string StepId, string RoleWanted, string ContactId, string RoleAddressed,
    DateTimeOffset SubstitutedAt) : IEventData;

/// <param name="Missing">contact, email, postalAddress or phoneNumber.</param>
/// <param name="WaitUntil">When the step stops waiting; null once the credit manager has it.</param>
public sealed record ContactDetailsRequestedV1(string TaskId, string StepId, string Channel, string RoleWanted, string? ContactId,
    string Missing, string AssigneeRole, string Assignee, DateTimeOffset? WaitUntil, DateTimeOffset RequestedAt) : IEventData;

public sealed record StepSkippedV1(string StepId, string Reason, DateTimeOffset SkippedAt) : IEventData;

/// <param name="OnFile">Which details the contact now has (email, phone, postalAddress), not the details themselves.</param>
public sealed record ContactDetailsRecordedV1(string ContactId, string Role, IReadOnlyList<string> OnFile, string RecordedBy,
    DateTimeOffset RecordedAt) : IEventData;

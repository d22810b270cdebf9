using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>The account had no contact in the role a step names: the policy's <c>missingContacts.whenRoleMissing</c> addressed another.</summary>
public sealed record RecipientSubstituted(string StepId, ContactRole RoleWanted, string ContactId, ContactRole RoleAddressed,
    DateTimeOffset SubstitutedAt);

/// <summary>
/// A step's message could not go out: nobody to address, or no address for its channel. Nothing was sent and no obligation
/// started. A task asks a person to obtain what is missing; the step waits for it until <paramref name="WaitUntil"/>
/// (null: handed to the credit manager, it waits until the details are recorded).
/// </summary>
/// <param name="ContactId">The contact whose detail is missing; null when the contact itself is.</param>
/// <param name="Instructions">For the person: what is missing, where to record it, and what happens if it does not come.</param>
public sealed record ContactDetailsRequested(
    string TaskId,
    string StepId,
    Channel Channel,
    ContactRole RoleWanted,
    string? ContactId,
    ContactDetail Missing,
    SenderRole AssigneeRole,
    string Assignee,
    string Instructions,
    DateTimeOffset? WaitUntil,
    DateTimeOffset RequestedAt);

/// <summary>The ladder moved on without a step (<c>missingContacts.whenStillMissing</c>: <c>skipStep</c>).</summary>
public sealed record StepSkipped(string StepId, string Reason, DateTimeOffset SkippedAt);

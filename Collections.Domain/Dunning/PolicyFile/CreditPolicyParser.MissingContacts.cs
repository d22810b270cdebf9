using Collections.Domain.Accounts;
using Collections.Domain.Dunning.Notices;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>The <c>missingContacts</c> section: whom to address when a role is missing, and how long to wait for details.</summary>
public static partial class CreditPolicyParser
{
    private static MissingContacts BuildMissingContacts(MissingContactsFile? file, IReadOnlyDictionary<CollectionSegment, Ladder> ladders,
        IReadOnlyDictionary<string, MessageTemplate> templates, Action<string, string> error)
    {
        if (file is null) return MissingContacts.Default;
        var rules = new MissingContacts(
            file.WhenRoleMissing ?? MissingContacts.Default.WhenRoleMissing,
            file.WaitForDetails is { } wait ? ParseDuration(wait, "$.missingContacts.waitForDetails", error) : MissingContacts.Default.WaitForDetails,
            file.WhenStillMissing ?? MissingContacts.Default.WhenStillMissing);

        // A less senior stand-in must be told the message is meant for someone else, never addressed as if they were them.
        if (rules.WhenRoleMissing == RoleMissingRule.NextRoleUpThenDown)
            foreach (var name in ladders.Values.SelectMany(l => l.Steps)
                         .Where(s => s.Recipient > ContactRole.ApClerk && s.Template is not null && s.Channel != Common.Channel.Phone)
                         .Select(s => s.Template!).Distinct().Order())
                if (templates.TryGetValue(name, out var template) && !MessageRenderer.Uses(template.Body, "standInNote"))
                    error($"$.templates.{name}.body", "must use {{standInNote}}: with missingContacts.whenRoleMissing nextRoleUpThenDown " +
                                                     "it may go to a less senior contact, who must be told whom it is meant for.");
        return rules;
    }

    private sealed record MissingContactsFile(RoleMissingRule? WhenRoleMissing, string? WaitForDetails, StillMissingRule? WhenStillMissing);
}

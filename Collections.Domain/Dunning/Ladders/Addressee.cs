using Collections.Domain.Accounts;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>Whom a step addresses, and what a stand-in for a missing role is told.</summary>
public static class Addressee
{
    /// <summary>
    /// The contact in the role the step names; failing that the nearest more senior one, and only where the policy allows
    /// (<see cref="RoleMissingRule.NextRoleUpThenDown"/>) the most senior one below. Null: nobody the policy allows.
    /// </summary>
    public static DebtorContact? For(DebtorAccount account, ContactRole wanted, RoleMissingRule rule) =>
        account.Contacts.Where(c => c.Role >= wanted).OrderBy(c => c.Role).FirstOrDefault()
        ?? (rule == RoleMissingRule.NextRoleUpThenDown ? account.Contacts.OrderByDescending(c => c.Role).FirstOrDefault() : null);

    /// <summary>
    /// For the debtor (merge field <c>standInNote</c>): nothing when the contact holds the role; otherwise why the message
    /// reaches them, so a stand-in is never addressed as if they held the missing role. Ends with a blank line.
    /// </summary>
    public static string StandInNote(DebtorContact contact, ContactRole wanted) =>
        contact.Role == wanted ? ""
        : contact.Role > wanted ? $"We have no contact on file for your {RoleName(wanted)}, so this comes to you directly.\n\n"
        : $"This is meant for your {RoleName(wanted)}: we have no contact on file for them, so please pass it on, or let me know who they are.\n\n";

    /// <summary>For our staff, ahead of a task's instructions.</summary>
    public static string StandInLine(DebtorContact contact, ContactRole wanted) =>
        contact.Role == wanted ? ""
        : $"No {RoleName(wanted)} on file: this goes to {contact.Name} ({RoleName(contact.Role)}) instead.\n\n";

    public static string RoleName(ContactRole role) => role switch
    {
        ContactRole.ApClerk => "Accounts Payable",
        ContactRole.Cfo => "Chief Financial Officer",
        ContactRole.PersonalGuarantor => "Personal Guarantor",
        _ => role.ToString()
    };
}

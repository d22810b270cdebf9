using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.Contacts;

/// <summary>A debtor contact's details, new or corrected: the address a letter was waiting for, or the CFO found at last.</summary>
public sealed record RecordContactDetails(string Name, ContactRole Role, string? Email, string? Phone, string? PostalAddress,
    long? ExpectedVersion = null);

/// <summary>The contact as it now stands (replacing what was on file under its id, if anything).</summary>
public sealed record ContactDetailsRecorded(DebtorContact Contact, string RecordedBy, DateTimeOffset RecordedAt);

public static class RecordContactDetailsDecision
{
    public static Decision Decide(this DebtorAccount account, string contactId, RecordContactDetails command, Actor by,
        DateTimeOffset now)
    {
        var contact = new DebtorContact(contactId, command.Name, command.Role, command.Email, command.Phone, command.PostalAddress);
        var known = account.Contacts.Any(c => c.ContactId == contactId);
        var check = new Validation().Contact(contact, "", "contact")
            .When(!known && account.Contacts.Count >= InputLimits.Contacts, "contactId",
                $"The account has {InputLimits.Contacts} contacts, the most it can have.");
        if (!check.IsValid) return check.Reject();

        return account.Contacts.Contains(contact)
            ? Decision.Unchanged
            : Decision.Append(new ContactDetailsRecorded(contact, by.Id, now));
    }
}

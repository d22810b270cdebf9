using Collections.Domain.Common;

namespace Collections.Domain.Accounts;

/// <summary>What a debtor contact must be, wherever it is given: when an account is opened, or its details are recorded later.</summary>
public static class ContactRules
{
    /// <param name="prefix">Prepended to each field ("contacts[0]." when opening an account).</param>
    /// <param name="whole">The field named when the contact as a whole is at fault.</param>
    public static Validation Contact(this Validation check, DebtorContact contact, string prefix, string whole) =>
        check.Required(contact.ContactId, $"{prefix}contactId")
            .Line(contact.ContactId, InputLimits.Identifier, $"{prefix}contactId")
            .Required(contact.Name, $"{prefix}name")
            .Line(contact.Name, InputLimits.Name, $"{prefix}name")
            .Line(contact.Email, InputLimits.Email, $"{prefix}email")
            .Line(contact.Phone, InputLimits.Phone, $"{prefix}phone")
            .Text(contact.PostalAddress, InputLimits.PostalAddress, $"{prefix}postalAddress")
            .Defined(contact.Role, $"{prefix}role")
            .When(string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone)
                  && string.IsNullOrWhiteSpace(contact.PostalAddress),
                whole, "needs an email, a phone number or a postal address.");
}

using System.Text.RegularExpressions;
using Collections.Domain.Common;

namespace Collections.Domain.Accounts;

/// <param name="TimeZone">IANA zone of the debtor's office: due dates and contact-by times are read in it.</param>
/// <param name="Collector">The collector who works this account.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country of the debtor's office, whose working days and public holidays the
/// escalation keeps; without it, the credit policy's default country.</param>
public sealed record OpenAccount(
    string DebtorName,
    string? Segment,
    string TimeZone,
    CreditTerms Terms,
    IReadOnlyList<DebtorContact> Contacts,
    string? Collector,
    string? Country = null);

public sealed record AccountOpened(
    string AccountNumber,
    string DebtorName,
    string Segment,
    string TimeZone,
    CreditTerms Terms,
    IReadOnlyList<DebtorContact> Contacts,
    string? Collector,
    DateTimeOffset OpenedAt,
    string? Country = null);

public static partial class OpenAccountDecision
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex AccountNumberFormat();

    /// <param name="existing">The account already under this number, if any: opening it again with the same
    /// details changes nothing, with other details it is a conflict.</param>
    public static Decision Decide(string accountNumber, OpenAccount command, DebtorAccount? existing, DateTimeOffset now)
    {
        var check = Validate(accountNumber, command);
        if (!check.IsValid) return check.Reject();

        var opened = new AccountOpened(accountNumber, command.DebtorName.Trim(),
            string.IsNullOrWhiteSpace(command.Segment) ? "standard" : command.Segment.Trim(),
            command.TimeZone, command.Terms, command.Contacts, command.Collector, now, command.Country);

        if (existing is null) return Decision.Append(opened);
        return SameAccount(existing, opened)
            ? Decision.Unchanged
            : Decision.Conflict("accountNumber", $"Account {accountNumber} is already open with other details.");
    }

    private static bool SameAccount(DebtorAccount existing, AccountOpened opened) =>
        existing.DebtorName == opened.DebtorName && existing.Segment == opened.Segment
        && existing.TimeZone == opened.TimeZone && existing.Terms == opened.Terms
        && existing.Collector == opened.Collector && existing.Contacts.SequenceEqual(opened.Contacts)
        && existing.Country == opened.Country;

    private static Validation Validate(string accountNumber, OpenAccount command)
    {
        var check = new Validation()
            .When(!AccountNumberFormat().IsMatch(accountNumber),
                "accountNumber", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.")
            .Required(command.DebtorName, "debtorName")
            .Line(command.DebtorName, InputLimits.Name, "debtorName")
            .Line(command.Segment, InputLimits.Segment, "segment")
            .Line(command.Collector, InputLimits.Name, "collector")
            .Required(command.TimeZone, "timeZone")
            .Line(command.TimeZone, InputLimits.TimeZone, "timeZone")
            .When(!string.IsNullOrWhiteSpace(command.TimeZone) && command.TimeZone.Length <= InputLimits.TimeZone
                  && !TimeZoneInfo.TryFindSystemTimeZoneById(command.TimeZone, out _),
                "timeZone", $"'{command.TimeZone}' is not a known IANA time zone.")
            .When(command.Country is not null && !CountryCode.IsKnown(command.Country), "country",
                "must be an ISO 3166-1 alpha-2 country code in capitals (e.g. DE, GB, US).")
            .Required(command.Terms, "terms");

        if (command.Terms is { } terms)
        {
            check.When(terms.NetDays is < 0 or > 365, "terms.netDays", "must be between 0 and 365.")
                .Currency(terms.Currency, "terms.currency")
                .Amount(terms.CreditLimit ?? 0, terms.Currency, "terms.creditLimit", zeroAllowed: true);
        }

        var contacts = command.Contacts ?? [];
        check.When(contacts.Count == 0, "contacts", "must name at least one contact.")
            .Items(contacts.Count, InputLimits.Contacts, "contacts");
        if (contacts.Count > InputLimits.Contacts) return check;
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var at = $"contacts[{i}]";
            if (contact is null)
            {
                check.Add(at, "is required.");
                continue;
            }

            check.Required(contact.ContactId, $"{at}.contactId")
                .Line(contact.ContactId, InputLimits.Identifier, $"{at}.contactId")
                .Required(contact.Name, $"{at}.name")
                .Line(contact.Name, InputLimits.Name, $"{at}.name")
                .Line(contact.Email, InputLimits.Email, $"{at}.email")
                .Line(contact.Phone, InputLimits.Phone, $"{at}.phone")
                .Text(contact.PostalAddress, InputLimits.PostalAddress, $"{at}.postalAddress")
                .Defined(contact.Role, $"{at}.role")
                .When(string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone)
                      && string.IsNullOrWhiteSpace(contact.PostalAddress),
                    at, "needs an email, a phone number or a postal address.")
                .When(contacts.Take(i).Any(c => c?.ContactId == contact.ContactId), $"{at}.contactId",
                    "is used by another contact.");
        }

        return check;
    }
}

using System.Text.RegularExpressions;
using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Accounts;

/// <param name="TimeZone">IANA zone of the debtor's office: due dates and contact-by times are read in it.</param>
/// <param name="Collector">The user name of whoever works this account: one of the collections staff (the credit policy's <c>staff</c>).</param>
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
    /// <param name="staff">Who may work accounts: a collector outside it (a sales representative) is refused.</param>
    public static Decision Decide(string accountNumber, OpenAccount command, DebtorAccount? existing, StaffRegister staff,
        DateTimeOffset now)
    {
        var check = Validate(accountNumber, command, staff);
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

    private static Validation Validate(string accountNumber, OpenAccount command, StaffRegister staff)
    {
        var check = new Validation()
            .When(!AccountNumberFormat().IsMatch(accountNumber),
                "accountNumber", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.")
            .Required(command.DebtorName, "debtorName")
            .Line(command.DebtorName, InputLimits.Name, "debtorName")
            .Line(command.Segment, InputLimits.Segment, "segment")
            .Line(command.Collector, InputLimits.Name, "collector")
            .When(command.Collector is not null && staff.Find(command.Collector) is null, "collector",
                "is not one of the collections staff (the credit policy's staff register, by the user name they sign in " +
                "with): accounts are worked by collections staff only.")
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

            check.Contact(contact, $"{at}.", at)
                .When(contacts.Take(i).Any(c => c?.ContactId == contact.ContactId), $"{at}.contactId",
                    "is used by another contact.");
        }

        return check;
    }
}

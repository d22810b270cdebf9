using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>What a message needs of the debtor's side to go out at all.</summary>
public enum ContactDetail
{
    /// <summary>A contact in the role the step names (or, as the policy allows, a stand-in).</summary>
    Contact = 1,
    Email = 2,
    PostalAddress = 3,

    /// <summary>The contact's <c>phone</c>, which faxes and texts are sent to.</summary>
    PhoneNumber = 4
}

/// <summary>Why a step's message cannot go out: nobody to address, or the addressee lacks what its channel needs.</summary>
/// <param name="Step">The step whose message lacks it: the step itself, or the consequence a final notice would announce.</param>
/// <param name="Contact">The contact the message would go to; null when there is none.</param>
public sealed record ContactGap(PolicyStep Step, ContactRole RoleWanted, DebtorContact? Contact, ContactDetail Missing)
{
    public string Describe() => Contact is null
        ? $"no contact for the {Addressee.RoleName(RoleWanted)} (nor anyone the policy allows in their place)"
        : $"no {ContactGaps.Name(Missing)} for {Contact.Name} ({Addressee.RoleName(Contact.Role)})";
}

public static class ContactGaps
{
    /// <summary>
    /// The gap that keeps step <paramref name="index"/> from going out, or null. A final notice also needs what the message
    /// of its consequence needs: never announce a letter of demand that could not be sent.
    /// </summary>
    public static ContactGap? Find(DebtorAccount account, CreditPolicy policy, Ladder ladder, int index)
    {
        var step = ladder.Steps[index];
        var gap = Of(account, policy, step);
        if (gap is null && step.Action == StepAction.FinalNotice && index + 1 < ladder.Steps.Count)
            gap = Of(account, policy, ladder.Steps[index + 1]);
        return gap;
    }

    /// <summary>
    /// The steps of the account's ladder, from the next one scheduled (or from the first while it is paused), whose message
    /// could not go out as its contacts stand now: a letter planned to a contact without a postal address shows before it
    /// falls due. Empty when the account is not in escalation.
    /// </summary>
    public static IReadOnlyList<ContactGap> Ahead(DebtorAccount account, CreditPolicy policy)
    {
        if (account.Dunning is not { } dunning || !policy.Ladders.TryGetValue(dunning.Segment, out var ladder)) return [];
        var from = dunning.NextStep is { } next ? Math.Max(0, ladder.IndexOf(next.StepId)) : 0;
        return ladder.Steps.Skip(from).Select(step => Of(account, policy, step)).OfType<ContactGap>().ToList();
    }

    public static ContactGap? Of(DebtorAccount account, CreditPolicy policy, PolicyStep step)
    {
        if (!SendsMessage(step.Action)) return null;
        var contact = Addressee.For(account, step.Recipient, policy.MissingContacts.WhenRoleMissing);
        if (contact is null) return new ContactGap(step, step.Recipient, null, ContactDetail.Contact);
        return NeededFor(step.Channel) is { } needed && !Has(contact, needed) ? new ContactGap(step, step.Recipient, contact, needed) : null;
    }

    public static bool SendsMessage(StepAction action) =>
        action is StepAction.Reminder or StepAction.PhoneCall or StepAction.FinalNotice or StepAction.LetterOfDemand;

    /// <summary>
    /// What the channel needs for the message to go out; null for a call (a person makes it, looking the number up if
    /// need be: the call task says when none is on file) and for a meeting.
    /// </summary>
    public static ContactDetail? NeededFor(Channel channel) => channel switch
    {
        Channel.Email => ContactDetail.Email,
        Channel.Letter or Channel.CertifiedLetter or Channel.Courier => ContactDetail.PostalAddress,
        Channel.Fax or Channel.Sms => ContactDetail.PhoneNumber,
        _ => null
    };

    public static bool Has(DebtorContact contact, ContactDetail detail) => detail switch
    {
        ContactDetail.Email => !string.IsNullOrWhiteSpace(contact.Email),
        ContactDetail.PostalAddress => !string.IsNullOrWhiteSpace(contact.PostalAddress),
        ContactDetail.PhoneNumber => !string.IsNullOrWhiteSpace(contact.Phone),
        _ => true
    };

    public static string Name(ContactDetail detail) => detail switch
    {
        ContactDetail.Email => "email address",
        ContactDetail.PostalAddress => "postal address",
        ContactDetail.PhoneNumber => "phone or fax number",
        _ => "contact"
    };
}

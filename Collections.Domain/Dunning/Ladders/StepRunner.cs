using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Escalation;
using System.Globalization;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>An email to hand to the mail server once the events recording it are committed.</summary>
public sealed record OutboundEmail(string AccountNumber, string StepId, string ToName, string ToAddress, string FromName,
    string? FromAddress, string Subject, string Body);

public sealed record StepResult(IReadOnlyList<object> Events, IReadOnlyList<OutboundEmail> Emails);

/// <summary>Carries out one ladder step on an account: the pure part of what the saga does at each step.</summary>
public static class StepRunner
{
    public const string PolicyActor = "credit policy";

    /// <param name="deadline">For a final notice: the contact-by time it announces.</param>
    public static StepResult Run(DebtorAccount account, CreditPolicy policy, PolicyStep step, DateTimeOffset now,
        DateTimeOffset? deadline, string taskId)
    {
        var pastDue = account.PastDueBalanceForDunning(now); // a consequence is never carried out on what is under review
        return step.Action switch
        {
            StepAction.CreditHold => new StepResult(account.CreditHold is null
                ? [new CreditHoldPlaced($"{policy.Citation}: step '{step.Id}', {string.Join(" and ", pastDue)} past due.", PolicyActor, now)]
                : [], []),
            StepAction.AgencyReferral => new StepResult(account.AgencyReferral is null
                ? [new EscalatedToAgency(policy.Agency, pastDue, PolicyActor, $"{policy.Citation}: step '{step.Id}'.", now)]
                : [], []),
            StepAction.CreditBureauReport => new StepResult([new ReportedToCreditBureau(policy.CreditBureau, pastDue, now)], []),
            _ => Contact(account, policy, step, now, deadline, taskId)
        };
    }

    private static StepResult Contact(DebtorAccount account, CreditPolicy policy, PolicyStep step, DateTimeOffset now,
        DateTimeOffset? deadline, string taskId)
    {
        var contact = Recipient(account, step.Recipient);
        var sender = policy.Senders[step.Sender];
        var message = MessageRenderer.Render(policy.Templates[step.Template!],
            MergeValues(account, policy, step, contact, sender, now, deadline));
        var signedBy = $"{sender.Name}, {sender.Title}";

        if (step.Channel == Channel.Phone)
            return new StepResult([Task(step, taskId, sender, contact, message.Body, now)], []);

        var sent = new ReminderSent(step.Id, step.Channel, step.Template!, signedBy, contact.ContactId, contact.Role,
            message.Subject, message.Body, now);
        if (step.Channel == Channel.Email && !string.IsNullOrWhiteSpace(contact.Email))
            return new StepResult([sent],
                [new OutboundEmail(account.Id, step.Id, contact.Name, contact.Email, signedBy, sender.Email, message.Subject, message.Body)]);

        // Letters, couriers, faxes and texts (and emails to a contact with no address) are sent by a person.
        var instructions = $"Send by {ChannelName(step.Channel)} to {contact.Name} ({Address(contact, step.Channel)}):\n\n{message}";
        return new StepResult([sent, Task(step, taskId, sender, contact, instructions, now)], []);
    }

    internal static CollectionTaskCreated Task(PolicyStep step, string taskId, Sender sender, DebtorContact contact,
        string instructions, DateTimeOffset now) =>
        new(taskId, step.Id, step.Channel, step.Sender, sender.Name, contact.ContactId, contact.Role, instructions, now);

    private static string Address(DebtorContact contact, Channel channel) => channel switch
    {
        Channel.Email => "no email address on file: find one or send a letter",
        Channel.Fax or Channel.Sms => contact.Phone ?? "no number on file",
        _ => contact.PostalAddress ?? "no postal address on file"
    };

    /// <summary>The contact in the role the step asks for; failing that, the nearest one above, then below.</summary>
    public static DebtorContact Recipient(DebtorAccount account, ContactRole role) =>
        account.Contacts.Where(c => c.Role >= role).OrderBy(c => c.Role).FirstOrDefault()
        ?? account.Contacts.OrderByDescending(c => c.Role).First();

    /// <summary>The task for a final notice a person sends: a draft whose contact-by date is set when they mark it sent.</summary>
    public static CollectionTaskCreated DispatchTask(DebtorAccount account, CreditPolicy policy, PolicyStep step, DateTimeOffset now,
        string taskId)
    {
        var contact = Recipient(account, step.Recipient);
        var sender = policy.Senders[step.Sender];
        var draft = MessageRenderer.Render(policy.Templates[step.Template!],
            MergeValues(account, policy, step, contact, sender, now, null, ContactBySetWhenSent));
        var instructions = $"Send by {ChannelName(step.Channel)} to {contact.Name} ({Address(contact, step.Channel)}), then mark " +
                           "this task done: the contact-by date is set at that moment and the final text is recorded " +
                           $"(ReminderSent) for you to send. Until then no deadline runs.\n\nDraft:\n{draft}";
        return Task(step, taskId, sender, contact, instructions, now);
    }

    /// <summary>The final notice as sent, with the deadline that runs from its dispatch.</summary>
    public static ReminderSent NoticeSent(DebtorAccount account, CreditPolicy policy, PolicyStep step, DateTimeOffset sentAt,
        DateTimeOffset deadline)
    {
        var contact = Recipient(account, step.Recipient);
        var sender = policy.Senders[step.Sender];
        var message = MessageRenderer.Render(policy.Templates[step.Template!],
            MergeValues(account, policy, step, contact, sender, sentAt, deadline));
        return new ReminderSent(step.Id, step.Channel, step.Template!, $"{sender.Name}, {sender.Title}", contact.ContactId,
            contact.Role, message.Subject, message.Body, sentAt);
    }

    /// <summary>A final notice goes out by itself only by email to an address on file; anything else a person sends.</summary>
    public static bool SentByPerson(PolicyStep step, DebtorAccount account) =>
        step.Channel != Channel.Email || string.IsNullOrWhiteSpace(Recipient(account, step.Recipient).Email);

    private const string ContactBySetWhenSent = "[the date and time set when this is sent]";

    private static Dictionary<string, string> MergeValues(DebtorAccount account, CreditPolicy policy, PolicyStep step,
        DebtorContact contact, Sender sender, DateTimeOffset now, DateTimeOffset? deadline, string contactByPending = "")
    {
        var today = account.Today(now);
        var pastDue = account.PastDueForDunning(now).OrderBy(i => i.DueDate).ToList();
        var underReview = account.PastDueUnderReview(now).OrderBy(i => i.DueDate).ToList();
        return new Dictionary<string, string>
        {
            ["accountNumber"] = account.Id,
            ["debtorName"] = account.DebtorName,
            ["contactName"] = contact.Name,
            ["contactRole"] = RoleName(contact.Role),
            ["invoiceLines"] = string.Join("\n", pastDue.Select(i =>
                $"- Invoice {i.InvoiceNumber}, due {i.DueDate:yyyy-MM-dd}, {i.DaysPastDue(today)} days past due: " +
                $"{Amount(i.Open, i.Currency)} open" +
                (i.LateFees > 0 ? $" (including a late fee of {Amount(i.LateFees, i.Currency)})" : "")).Concat(underReview.Select(i =>
                $"- Invoice {i.InvoiceNumber}, due {i.DueDate:yyyy-MM-dd}, {Amount(i.Open, i.Currency)}: " +
                $"{account.ReviewInMessages(i.InvoiceNumber, now)}, not included in the amount due"))),
            ["totalDue"] = string.Join(" and ", account.PastDueBalanceForDunning(now).Select(m => Amount(m.Amount, m.Currency))),
            ["lateFeeLines"] = string.Join("\n", pastDue.Where(i => i.Contract?.LateFee is not null).Select(i =>
                $"- Under {i.Contract!.Reference ?? "our contract"}, a late fee of {i.Contract.LateFee!.Percent}% applies to invoice " +
                $"{i.InvoiceNumber} once it is more than {i.Contract.LateFee.AfterDaysPastDue} days past due" +
                (i.LateFees > 0 ? $"; {Amount(i.LateFees, i.Currency)} has been added." : "."))),
            ["oldestDaysPastDue"] = pastDue.Count == 0 ? "0" : pastDue[0].DaysPastDue(today).ToString(CultureInfo.InvariantCulture),
            ["contactBy"] = deadline is { } d ? account.Describe(d) : contactByPending,
            ["nextStep"] = step.Consequence is { } consequence ? Describe(consequence, policy) : "",
            ["policyCitation"] = policy.Citation,
            ["senderName"] = sender.Name,
            ["senderTitle"] = sender.Title,
            ["today"] = today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            ["orderStopDays"] = policy.Orders.StopAfterDaysPastDue?.ToString(CultureInfo.InvariantCulture) ?? ""
        };
    }

    public static string Describe(StepAction consequence, CreditPolicy policy) => consequence switch
    {
        StepAction.CreditHold => "a hold on all your pending orders",
        StepAction.LetterOfDemand => "a formal letter of demand",
        StepAction.AgencyReferral => $"referral of the account to {policy.Agency}, our collection agency",
        StepAction.CreditBureauReport => $"a report of the overdue balance to {policy.CreditBureau}",
        _ => consequence.ToString()
    };

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.CertifiedLetter => "certified letter",
        Channel.Sms => "SMS",
        _ => channel.ToString().ToLowerInvariant()
    };

    private static string RoleName(ContactRole role) => role switch
    {
        ContactRole.ApClerk => "Accounts Payable",
        ContactRole.Cfo => "Chief Financial Officer",
        ContactRole.PersonalGuarantor => "Personal Guarantor",
        _ => role.ToString()
    };

    private static string Amount(decimal amount, string currency) =>
        $"{amount.ToString("N" + CurrencyCode.MinorUnits(currency), CultureInfo.InvariantCulture)} {currency}";
}

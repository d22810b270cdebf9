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
        var contact = AddresseeOf(account, policy, step);
        var sender = StepSender.For(account, policy, step.Sender);
        var message = MessageRenderer.Render(policy.Templates[step.Template!],
            MergeValues(account, policy, step, contact, sender, now, deadline));
        var signedBy = $"{sender.Name}, {sender.Title}";
        var standIn = StandIn(step, contact, now);
        var forStaff = Addressee.StandInLine(contact, step.Recipient);

        if (step.Channel == Channel.Phone)
            return new StepResult([..standIn, Task(step, taskId, sender, contact, forStaff + message.Body, now)], []);

        var sent = new ReminderSent(step.Id, step.Channel, step.Template!, signedBy, contact.ContactId, contact.Role,
            message.Subject, message.Body, now);
        if (step.Channel == Channel.Email)
            return new StepResult([..standIn, sent],
                [new OutboundEmail(account.Id, step.Id, contact.Name, contact.Email!, signedBy, sender.Email, message.Subject, message.Body)]);

        // Letters, couriers, faxes and texts are sent by a person.
        var instructions = $"{forStaff}Send by {ChannelName(step.Channel)} to {contact.Name} ({Address(contact, step.Channel)}):\n\n{message}";
        return new StepResult([..standIn, sent, Task(step, taskId, sender, contact, instructions, now)], []);
    }

    internal static CollectionTaskCreated Task(PolicyStep step, string taskId, Sender sender, DebtorContact contact,
        string instructions, DateTimeOffset now) =>
        new(taskId, step.Id, step.Channel, step.Sender, sender.Id, contact.ContactId, contact.Role, instructions, now);

    private static string Address(DebtorContact contact, Channel channel) => channel switch
    {
        Channel.Fax or Channel.Sms => contact.Phone!,
        _ => contact.PostalAddress ?? "no postal address on file"
    };

    /// <summary>
    /// Whom the step's message goes to. The process holds a step whose contact or address is missing (<see cref="ContactGaps"/>)
    /// before it gets here, so there is always someone.
    /// </summary>
    public static DebtorContact AddresseeOf(DebtorAccount account, CreditPolicy policy, PolicyStep step) =>
        Addressee.For(account, step.Recipient, policy.MissingContacts.WhenRoleMissing)
        ?? throw new InvalidOperationException($"Step '{step.Id}' has nobody to address.");

    /// <summary>
    /// The task for a final notice a person sends, to <paramref name="contact"/>: a draft whose contact-by date is set when
    /// they mark it sent.
    /// </summary>
    public static CollectionTaskCreated DispatchTask(DebtorAccount account, CreditPolicy policy, PolicyStep step, DebtorContact contact,
        DateTimeOffset now, string taskId)
    {
        var sender = StepSender.For(account, policy, step.Sender);
        var draft = MessageRenderer.Render(policy.Templates[step.Template!],
            MergeValues(account, policy, step, contact, sender, now, null, ContactBySetWhenSent));
        var instructions = $"{Addressee.StandInLine(contact, step.Recipient)}Send by {ChannelName(step.Channel)} to {contact.Name} " +
                           $"({Address(contact, step.Channel)}), then mark this task done: the contact-by date is set at that moment " +
                           $"and the final text is recorded (ReminderSent) for you to send. Until then no deadline runs.\n\nDraft:\n{draft}";
        return Task(step, taskId, sender, contact, instructions, now);
    }

    /// <summary>
    /// The final notice as sent to <paramref name="contact"/> (the one its draft was addressed to), with the deadline that
    /// runs from its dispatch; preceded by <see cref="RecipientSubstituted"/> when they stood in for the role it names.
    /// </summary>
    public static IReadOnlyList<object> NoticeSent(DebtorAccount account, CreditPolicy policy, PolicyStep step, DebtorContact contact,
        DateTimeOffset sentAt, DateTimeOffset deadline)
    {
        var sender = StepSender.For(account, policy, step.Sender);
        var message = MessageRenderer.Render(policy.Templates[step.Template!],
            MergeValues(account, policy, step, contact, sender, sentAt, deadline));
        return
        [
            ..StandIn(step, contact, sentAt),
            new ReminderSent(step.Id, step.Channel, step.Template!, $"{sender.Name}, {sender.Title}", contact.ContactId,
                contact.Role, message.Subject, message.Body, sentAt)
        ];
    }

    /// <summary>
    /// A final notice goes out by itself only by email; anything else a person sends. (An email to a contact without an
    /// address never gets this far: the step waits for the address, see <see cref="ContactGaps"/>.)
    /// </summary>
    public static bool SentByPerson(PolicyStep step) => step.Channel != Channel.Email;

    private const string ContactBySetWhenSent = "[the date and time set when this is sent]";

    private static List<object> StandIn(PolicyStep step, DebtorContact contact, DateTimeOffset now) =>
        contact.Role == step.Recipient ? [] : [new RecipientSubstituted(step.Id, step.Recipient, contact.ContactId, contact.Role, now)];

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
            ["contactRole"] = Addressee.RoleName(contact.Role),
            ["intendedRole"] = Addressee.RoleName(step.Recipient),
            ["standInNote"] = Addressee.StandInNote(contact, step.Recipient),
            ["invoiceLines"] = string.Join("\n", pastDue.Select(i =>
                $"- Invoice {i.InvoiceNumber}, due {i.DueDate:yyyy-MM-dd}, {Wording.Days(i.DaysPastDue(today))} past due: " +
                $"{Amount(i.Open, i.Currency)} open" +
                (i.LateFees > 0 ? $" (including a late fee of {Amount(i.LateFees, i.Currency)})" : "")).Concat(underReview.Select(i =>
                $"- Invoice {i.InvoiceNumber}, due {i.DueDate:yyyy-MM-dd}, {Amount(i.Open, i.Currency)}: " +
                $"{account.ReviewInMessages(i.InvoiceNumber, now)}, not included in the amount due"))),
            ["totalDue"] = string.Join(" and ", account.PastDueBalanceForDunning(now).Select(m => Amount(m.Amount, m.Currency))),
            ["lateFeeLines"] = string.Join("\n", pastDue.Where(i => i.Contract?.LateFee is not null).Select(i =>
                $"- Under {i.Contract!.Reference ?? "our contract"}, a late fee of {i.Contract.LateFee!.Percent}% applies to invoice " +
                $"{i.InvoiceNumber} once it is more than {Wording.Days(i.Contract.LateFee.AfterDaysPastDue)} past due" +
                (i.LateFees > 0 ? $"; {Amount(i.LateFees, i.Currency)} has been added." : "."))),
            ["oldestDaysPastDue"] = pastDue.Count == 0 ? "0" : pastDue[0].DaysPastDue(today).ToString(CultureInfo.InvariantCulture),
            ["oldestPastDue"] = Wording.Days(pastDue.Count == 0 ? 0 : pastDue[0].DaysPastDue(today)),
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

    /// <summary>"final notice by fax", "letter of demand by certified letter": a step in words, for tasks and reasons.</summary>
    public static string Describe(PolicyStep step) =>
        $"{System.Text.RegularExpressions.Regex.Replace(step.Action.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant()} by {ChannelName(step.Channel)}";

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.CertifiedLetter => "certified letter",
        Channel.Sms => "SMS",
        _ => channel.ToString().ToLowerInvariant()
    };

    private static string Amount(decimal amount, string currency) =>
        $"{amount.ToString("N" + CurrencyCode.MinorUnits(currency), CultureInfo.InvariantCulture)} {currency}";
}

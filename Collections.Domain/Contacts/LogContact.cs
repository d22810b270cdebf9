using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.Contacts;

public enum ContactDirection
{
    Outbound = 1,
    Inbound = 2
}

public enum ContactOutcome
{
    Reached = 1,
    NoAnswer = 2,
    LeftMessage = 3,
    WrongContact = 4,
    Refused = 5,
    PromisedToPay = 6,
    Disputed = 7,
    AskedForCopy = 8,
    Other = 9
}

/// <summary>A call or meeting a person had with the debtor, and what came of it.</summary>
public sealed record LogContact(
    Channel Channel,
    ContactDirection Direction,
    string? ContactId,
    string Summary,
    ContactOutcome Outcome,
    DateTimeOffset? OccurredAt,
    long? ExpectedVersion = null);

/// <param name="LoggedBy">Who on our side spoke to the debtor.</param>
public sealed record ContactLogged(
    Channel Channel,
    ContactDirection Direction,
    string? ContactId,
    string LoggedBy,
    string Summary,
    ContactOutcome Outcome,
    DateTimeOffset OccurredAt);

public static class LogContactDecision
{
    public static Decision Decide(this DebtorAccount account, LogContact command, Actor by, DateTimeOffset now)
    {
        var check = new Validation()
            .Defined(command.Channel, "channel")
            .Defined(command.Direction, "direction")
            .Defined(command.Outcome, "outcome")
            .Line(command.ContactId, InputLimits.Identifier, "contactId")
            .Required(command.Summary, "summary")
            .Text(command.Summary, InputLimits.Summary, "summary")
            .Instant(command.OccurredAt, now, "occurredAt")
            .When(command.ContactId is not null && account.Contacts.All(c => c.ContactId != command.ContactId),
                "contactId", $"No contact '{command.ContactId}' on this account.");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        return Decision.Append(new ContactLogged(command.Channel, command.Direction, command.ContactId,
            by.Id, command.Summary, command.Outcome, command.OccurredAt ?? now));
    }
}

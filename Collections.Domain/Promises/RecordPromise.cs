using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Payments;

namespace Collections.Domain.Promises;

/// <param name="PromisedDate">The date the debtor said the money will arrive, in the debtor's time zone.</param>
public sealed record RecordPromise(
    decimal Amount,
    string Currency,
    DateOnly PromisedDate,
    string? ContactId,
    string? Note,
    long? ExpectedVersion = null);

/// <param name="RecordedBy">The collector who took the promise.</param>
public sealed record PromiseMade(
    string PromiseId,
    Money Amount,
    DateOnly PromisedDate,
    string? ContactId,
    string RecordedBy,
    string? Note,
    DateTimeOffset MadeAt);

public sealed record PromiseKept(string PromiseId, DateTimeOffset KeptAt);

public sealed record PromiseBroken(string PromiseId, Money AmountShort, DateTimeOffset BrokenAt);

public sealed class PromiseState
{
    public string PromiseId { get; set; } = "";
    public Money Amount { get; set; } = new(0, "EUR");
    public DateOnly PromisedDate { get; set; }
    public DateTimeOffset MadeAt { get; set; }

    /// <summary>Paid in the promise's currency since it was made.</summary>
    public decimal PaidSince { get; set; }

    public bool IsKeptBy(PaymentReceived payment) =>
        payment.Amount.Currency == Amount.Currency && PaidSince + payment.Amount.Amount >= Amount.Amount;
}

public static class RecordPromiseDecision
{
    public static Decision Decide(this DebtorAccount account, RecordPromise command, Actor by, DateTimeOffset now)
    {
        var check = new Validation()
            .Currency(command.Currency, "currency")
            .Amount(command.Amount, command.Currency, "amount")
            .Date(command.PromisedDate, "promisedDate")
            .When(command.PromisedDate != default && command.PromisedDate < account.Today(now), "promisedDate",
                "must not be in the past.")
            .Line(command.ContactId, InputLimits.Identifier, "contactId")
            .Text(command.Note, InputLimits.Reason, "note")
            .When(command.ContactId is not null && account.Contacts.All(c => c.ContactId != command.ContactId),
                "contactId", $"No contact '{command.ContactId}' on this account.");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        // A promise whose date has passed unpaid is broken; the new one takes its place.
        var lapsed = account.OpenPromise is { } open && open.PromisedDate < account.Today(now) ? open : null;
        if (account.OpenPromise is { } standing && lapsed is null)
            return Decision.NotAllowed("promisedDate",
                $"Promise {standing.PromiseId} to pay {standing.Amount} by {standing.PromisedDate:yyyy-MM-dd} is still open.");

        var pastDue = account.PastDueIn(command.Currency, now);
        if (pastDue == 0)
            return Decision.NotAllowed("amount", $"Nothing is past due in {command.Currency}; a promise needs a past-due balance.");

        var made = new PromiseMade($"PR-{account.PromisesMade + 1}", new Money(command.Amount, command.Currency),
            command.PromisedDate, command.ContactId, by.Id, command.Note, now);
        return lapsed is null
            ? Decision.Append(made)
            : Decision.Append(new PromiseBroken(lapsed.PromiseId, lapsed.Amount with { Amount = lapsed.Amount.Amount - lapsed.PaidSince }, now), made);
    }
}

using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.PolicyFile;
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

    /// <summary>Where the promise falls outside the credit policy's <c>promises</c> rules; empty when within them.</summary>
    public List<string> OutsidePolicy { get; set; } = [];

    /// <summary>The credit manager who accepted a promise outside the policy, and why.</summary>
    public string? ApprovedBy { get; set; }
    public string? ApprovalNote { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>Only an accepted promise pauses the escalation and cancels an announced consequence.</summary>
    public bool IsAccepted => OutsidePolicy.Count == 0 || ApprovedBy is not null;

    public PromiseAcceptance Acceptance => OutsidePolicy.Count == 0 ? PromiseAcceptance.WithinPolicy
        : ApprovedBy is null ? PromiseAcceptance.AwaitingApproval : PromiseAcceptance.Approved;

    /// <summary>Why the promise does or does not hold the escalation, in words for the account view.</summary>
    public string AcceptanceReason => Acceptance switch
    {
        PromiseAcceptance.WithinPolicy => "Within the credit policy: the escalation waits for it.",
        PromiseAcceptance.AwaitingApproval =>
            $"Outside the credit policy ({string.Join(" ", OutsidePolicy)}) The escalation goes on until a credit manager approves it.",
        _ => $"Outside the credit policy, approved by {ApprovedBy} on {ApprovedAt:yyyy-MM-dd}: {ApprovalNote}"
    };

    public bool IsKeptBy(PaymentReceived payment) =>
        payment.Amount.Currency == Amount.Currency && PaidSince + payment.Amount.Amount >= Amount.Amount;
}

public static class RecordPromiseDecision
{
    /// <param name="rules">The credit policy's bounds; a promise outside them is recorded and referred for approval.</param>
    public static Decision Decide(this DebtorAccount account, RecordPromise command, Actor by, DateTimeOffset now,
        PromiseRules? rules = null)
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
        if (account.OpenPaymentPlan() is { } plan)
            return Decision.NotAllowed("paymentPlan", $"Payment plan {plan.PlanId} is in place; its instalments are the promise.");

        // A promise whose date has passed unpaid is broken; the new one takes its place.
        var lapsed = account.OpenPromise is { } open && open.PromisedDate < account.Today(now) ? open : null;
        if (account.AcceptedPromise() is { } standing && lapsed is null)
            return Decision.NotAllowed("promisedDate",
                $"Promise {standing.PromiseId} to pay {standing.Amount} by {standing.PromisedDate:yyyy-MM-dd} is still open.");

        var pastDue = account.PastDueIn(command.Currency, now);
        if (pastDue == 0)
            return Decision.NotAllowed("amount", $"Nothing is past due in {command.Currency}; a promise needs a past-due balance.");

        var made = new PromiseMade($"PR-{account.PromisesMade + 1}", new Money(command.Amount, command.Currency),
            command.PromisedDate, command.ContactId, by.Id, command.Note, now);
        var events = new List<object>();
        if (lapsed is not null)
            events.Add(new PromiseBroken(lapsed.PromiseId, lapsed.Amount with { Amount = lapsed.Amount.Amount - lapsed.PaidSince }, now));
        else if (account.OpenPromise is { } awaitingApproval) // nobody approved it: the debtor's new word replaces it
            events.Add(new PromiseSuperseded(awaitingApproval.PromiseId, made.PromiseId, now));
        events.Add(made);
        var owed = account.Netted(now).PastDueForDunningIn(command.Currency, now); // zero when credit or review covers it all: no share to ask for
        if ((rules ?? PromiseRules.None).ReasonsOutside(account, made.Amount, owed, made.PromisedDate, now) is { Count: > 0 } reasons)
            events.Add(new PromiseReferredForApproval(made.PromiseId, reasons, now));
        return Decision.Append([.. events]);
    }
}

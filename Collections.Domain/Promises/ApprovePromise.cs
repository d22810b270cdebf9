using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.Promises;

/// <param name="Note">Why the credit manager accepts a promise the policy would not: the auditor reads it.</param>
public sealed record ApprovePromise(string Note, long? ExpectedVersion = null);

/// <summary>The promise was recorded outside the credit policy's rules: it does not pause the escalation unless approved.</summary>
public sealed record PromiseReferredForApproval(string PromiseId, IReadOnlyList<string> Reasons, DateTimeOffset ReferredAt);

/// <param name="ApprovedBy">The credit manager who accepted it: from now on it pauses the escalation.</param>
public sealed record PromiseApproved(string PromiseId, string ApprovedBy, string Note, DateTimeOffset ApprovedAt);

/// <summary>A promise nobody approved gave way to a new promise or a payment plan; it was neither kept nor broken.</summary>
/// <param name="SupersededBy">The promise (<c>PR-2</c>) or payment plan (<c>PP-1</c>) that took its place.</param>
public sealed record PromiseSuperseded(string PromiseId, string SupersededBy, DateTimeOffset SupersededAt);

public static class ApprovePromiseDecision
{
    public static Decision Decide(this DebtorAccount account, string promiseId, ApprovePromise command, Actor by, DateTimeOffset now)
    {
        var check = new Validation()
            .Line(promiseId, InputLimits.Identifier, "promiseId")
            .Required(command.Note, "note")
            .Text(command.Note, InputLimits.Reason, "note");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        if (account.OpenPromise is not { } promise || promise.PromiseId != promiseId)
            return Decision.NotAllowed("promiseId", $"No open promise '{promiseId}' on this account.");
        if (promise.IsAccepted) return Decision.Unchanged;
        if (promise.PromisedDate < account.Today(now))
            return Decision.NotAllowed("promiseId",
                $"The date of promise {promiseId} ({promise.PromisedDate:yyyy-MM-dd}) has passed; record a new promise instead.");
        return Decision.Append(new PromiseApproved(promiseId, by.Id, command.Note, now));
    }
}

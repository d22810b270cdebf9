using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.WriteOffs;

public sealed record WriteOffAccount(string Reason, long? ExpectedVersion = null);

/// <param name="Amounts">The open balance written off, per currency.</param>
/// <param name="ApprovedBy">Who decided; under four eyes, the second credit manager.</param>
/// <param name="RequestedBy">Under four eyes, the credit manager who asked for it; null when one approval was enough.</param>
public sealed record AccountWrittenOff(IReadOnlyList<Money> Amounts, string Reason, string ApprovedBy,
    DateTimeOffset WrittenOffAt, string? RequestedBy = null);

/// <summary>A write-off above the policy's threshold, waiting for a second, different credit manager.</summary>
public sealed record WriteOffRequested(IReadOnlyList<Money> Amounts, string Reason, string RequestedBy,
    DateTimeOffset RequestedAt);

public sealed record WriteOffDeclined(string RequestedBy, string DeclinedBy, string Note, DateTimeOffset DeclinedAt);

/// <param name="Approve">true writes the account off; false declines the request.</param>
public sealed record DecideWriteOff(bool Approve, string Note, long? ExpectedVersion = null);

public sealed record ReopenAccount(string Reason, long? ExpectedVersion = null);

/// <summary>Undoes a write-off: the amounts written off are open again.</summary>
public sealed record AccountReopened(string Reason, string ReopenedBy, DateTimeOffset ReopenedAt);

public sealed record WriteOffState(IReadOnlyList<Money> Amounts, string Reason, string ApprovedBy,
    DateTimeOffset WrittenOffAt);

public static class WriteOffDecisions
{
    public static Decision Decide(this DebtorAccount account, WriteOffAccount command, Actor by, WriteOffApproval approval,
        DateTimeOffset now)
    {
        var check = new Validation().Required(command.Reason, "reason").Text(command.Reason, InputLimits.Reason, "reason");
        if (!check.IsValid) return check.Reject();
        if (account.IsWrittenOff) return Decision.Unchanged;
        if (account.PendingWriteOff is { } pending)
            return pending.RequestedBy == by.Id
                ? Decision.Unchanged
                : Decision.NotAllowed("accountNumber",
                    $"{pending.RequestedBy} asked for a write-off on {pending.RequestedAt:yyyy-MM-dd}; approve or decline it.");

        var open = account.OpenBalance();
        if (open.Count == 0) return Decision.NotAllowed("accountNumber", "Nothing is open on the account; there is nothing to write off.");
        return approval.NeedsSecondApproval(open)
            ? Decision.Append(new WriteOffRequested(open, command.Reason, by.Id, now))
            : Decision.Append(new AccountWrittenOff(open, command.Reason, by.Id, now));
    }

    /// <summary>Four eyes: the credit manager who asked may not approve their own request.</summary>
    public static Decision Decide(this DebtorAccount account, DecideWriteOff command, Actor by, DateTimeOffset now)
    {
        var check = new Validation().Required(command.Note, "note").Text(command.Note, InputLimits.Reason, "note");
        if (!check.IsValid) return check.Reject();
        if (account.PendingWriteOff is not { } pending)
            return Decision.NotAllowed("accountNumber", "No write-off is waiting for approval on this account.");
        if (pending.RequestedBy == by.Id)
            return Decision.Forbidden("approve", "A second, different credit manager must decide on a write-off you asked for.");
        if (!command.Approve) return Decision.Append(new WriteOffDeclined(pending.RequestedBy, by.Id, command.Note, now));

        var open = account.OpenBalance();
        if (open.Count == 0) return Decision.NotAllowed("accountNumber", "Nothing is open on the account any more; decline the request.");
        var beyond = open.Where(o => o.Amount > pending.Amounts.Where(a => a.Currency == o.Currency).Sum(a => a.Amount)).ToList();
        return beyond.Count > 0
            ? Decision.NotAllowed("approve",
                $"More is open now ({string.Join(" and ", beyond)}) than was asked for; decline, and let a new request be made.")
            : Decision.Append(new AccountWrittenOff(open, pending.Reason, by.Id, now, pending.RequestedBy));
    }

    public static Decision Decide(this DebtorAccount account, ReopenAccount command, Actor by, DateTimeOffset now)
    {
        var check = new Validation().Required(command.Reason, "reason").Text(command.Reason, InputLimits.Reason, "reason");
        if (!check.IsValid) return check.Reject();

        return account.IsWrittenOff
            ? Decision.Append(new AccountReopened(command.Reason, by.Id, now))
            : Decision.NotAllowed("accountNumber", "The account is not written off.");
    }
}

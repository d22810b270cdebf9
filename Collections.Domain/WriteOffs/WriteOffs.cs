using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.WriteOffs;

public sealed record WriteOffAccount(string Reason, string ApprovedBy, long? ExpectedVersion = null);

/// <param name="Amounts">The open balance written off, per currency.</param>
public sealed record AccountWrittenOff(IReadOnlyList<Money> Amounts, string Reason, string ApprovedBy,
    DateTimeOffset WrittenOffAt);

public sealed record ReopenAccount(string Reason, string ReopenedBy, long? ExpectedVersion = null);

/// <summary>Undoes a write-off: the amounts written off are open again.</summary>
public sealed record AccountReopened(string Reason, string ReopenedBy, DateTimeOffset ReopenedAt);

public sealed record WriteOffState(IReadOnlyList<Money> Amounts, string Reason, string ApprovedBy,
    DateTimeOffset WrittenOffAt);

public static class WriteOffDecisions
{
    public static Decision Decide(this DebtorAccount account, WriteOffAccount command, DateTimeOffset now)
    {
        var check = new Validation().Required(command.Reason, "reason").Text(command.Reason, InputLimits.Reason, "reason")
            .Required(command.ApprovedBy, "approvedBy").Line(command.ApprovedBy, InputLimits.Name, "approvedBy");
        if (!check.IsValid) return check.Reject();
        if (account.IsWrittenOff) return Decision.Unchanged;

        var open = account.OpenBalance();
        return open.Count == 0
            ? Decision.NotAllowed("accountNumber", "Nothing is open on the account; there is nothing to write off.")
            : Decision.Append(new AccountWrittenOff(open, command.Reason, command.ApprovedBy, now));
    }

    public static Decision Decide(this DebtorAccount account, ReopenAccount command, DateTimeOffset now)
    {
        var check = new Validation().Required(command.Reason, "reason").Text(command.Reason, InputLimits.Reason, "reason")
            .Required(command.ReopenedBy, "reopenedBy").Line(command.ReopenedBy, InputLimits.Name, "reopenedBy");
        if (!check.IsValid) return check.Reject();

        return account.IsWrittenOff
            ? Decision.Append(new AccountReopened(command.Reason, command.ReopenedBy, now))
            : Decision.NotAllowed("accountNumber", "The account is not written off.");
    }
}

using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.CreditHolds;

public sealed record PlaceCreditHold(string Reason, long? ExpectedVersion = null);

public sealed record CreditHoldPlaced(string Reason, string PlacedBy, DateTimeOffset PlacedAt);

public sealed record ReleaseCreditHold(string Reason, long? ExpectedVersion = null);

/// <param name="ReleasedBy">The person who decided: a hold is never lifted by the system on a promise.</param>
public sealed record CreditHoldReleased(string ReleasedBy, string Reason, DateTimeOffset ReleasedAt);

public sealed record CreditHoldState(string Reason, string PlacedBy, DateTimeOffset PlacedAt);

public static class CreditHoldDecisions
{
    public static Decision Decide(this DebtorAccount account, PlaceCreditHold command, Actor by, DateTimeOffset now)
    {
        var check = new Validation().Required(command.Reason, "reason").Text(command.Reason, InputLimits.Reason, "reason");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        return account.CreditHold is null
            ? Decision.Append(new CreditHoldPlaced(command.Reason, by.Id, now))
            : Decision.Unchanged;
    }

    public static Decision Decide(this DebtorAccount account, ReleaseCreditHold command, Actor by, DateTimeOffset now)
    {
        var check = new Validation().Required(command.Reason, "reason").Text(command.Reason, InputLimits.Reason, "reason");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        if (account.CreditHold is null) return Decision.Unchanged;

        var pastDue = account.PastDueBalance(now);
        return pastDue.Count > 0
            ? Decision.NotAllowed("creditHold",
                $"The hold stays while {string.Join(" and ", pastDue)} is past due; only payment clears it.")
            : Decision.Append(new CreditHoldReleased(by.Id, command.Reason, now));
    }
}

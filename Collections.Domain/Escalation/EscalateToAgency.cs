using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.Escalation;

public sealed record EscalateToAgency(string Agency, string? Reason, long? ExpectedVersion = null);

/// <param name="AmountsReferred">The past-due balance handed to the agency, per currency.</param>
public sealed record EscalatedToAgency(string Agency, IReadOnlyList<Money> AmountsReferred, string ReferredBy,
    string? Reason, DateTimeOffset EscalatedAt);

public sealed record AgencyReferral(string Agency, IReadOnlyList<Money> AmountsReferred, DateTimeOffset EscalatedAt);

public static class EscalateToAgencyDecision
{
    public static Decision Decide(this DebtorAccount account, EscalateToAgency command, Actor by, DateTimeOffset now)
    {
        var check = new Validation().Required(command.Agency, "agency").Line(command.Agency, InputLimits.Name, "agency")
            .Text(command.Reason, InputLimits.Reason, "reason");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        if (account.AgencyReferral is { } referral)
            return referral.Agency == command.Agency
                ? Decision.Unchanged
                : Decision.Conflict("agency", $"The account is already with {referral.Agency}.");

        var pastDue = account.PastDueBalance(now);
        return pastDue.Count == 0
            ? Decision.NotAllowed("agency", "Nothing is past due; there is nothing to refer.")
            : Decision.Append(new EscalatedToAgency(command.Agency, pastDue, by.Id, command.Reason, now));
    }
}

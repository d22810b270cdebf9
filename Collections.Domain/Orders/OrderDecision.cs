using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Promises;

namespace Collections.Domain.Orders;

/// <summary>The rule of the credit policy that stops an account's orders.</summary>
public enum OrderStop
{
    CreditHold = 1,
    WrittenOff = 2,
    WithAgency = 3,

    /// <summary>More than <see cref="OrderRules.StopAfterDaysPastDue"/> days past due, with no accepted arrangement to pay.</summary>
    PastDue = 4
}

/// <param name="Rule">The rule that stops orders; null when they may ship.</param>
/// <param name="Since">When that rule began to apply.</param>
public sealed record OrderAnswer(bool MayPlaceOrders, OrderStop? Rule, string? Reason, DateTimeOffset? Since)
{
    public static readonly OrderAnswer Ship = new(true, null, null, null);
}

public static class OrderDecision
{
    /// <summary>May the account's orders ship now? The first rule of the policy that applies says no, and is named.</summary>
    public static OrderAnswer MayPlaceOrders(this DebtorAccount account, OrderRules rules, DateTimeOffset now)
    {
        if (account.CreditHold is { } hold) return new OrderAnswer(false, OrderStop.CreditHold, hold.Reason, hold.PlacedAt);
        if (account.WriteOff is { } writeOff)
            return new OrderAnswer(false, OrderStop.WrittenOff, $"Written off: {writeOff.Reason}", writeOff.WrittenOffAt);
        if (rules.StopWithAgency && account.AgencyReferral is { } referral)
            return new OrderAnswer(false, OrderStop.WithAgency, $"With the collection agency {referral.Agency}.", referral.EscalatedAt);
        if (rules.StopAfterDaysPastDue is { } days && !account.HasAcceptedArrangement() && BeyondLimit(account, days, now) is { } late)
            return late;
        return OrderAnswer.Ship;
    }

    /// <summary>Invoices under dispute or a dunning block do not count: they are not chased either.</summary>
    private static OrderAnswer? BeyondLimit(DebtorAccount account, int days, DateTimeOffset now)
    {
        var today = account.Today(now);
        var late = account.PastDueForDunning(now).Where(i => i.DaysPastDue(today) > days).OrderBy(i => i.DueDate).ToList();
        if (late.Count == 0) return null;
        var amounts = DebtorAccount.SumByCurrency(late);
        var invoices = string.Join(", ", late.Select(i => $"{i.InvoiceNumber} {Wording.Days(i.DaysPastDue(today))}"));
        return new OrderAnswer(false, OrderStop.PastDue,
            $"{string.Join(" and ", amounts)} more than {Wording.Days(days)} past due ({invoices}), and no accepted promise to pay or payment plan.",
            account.StartOf(late[0].DueDate.AddDays(days + 1)));
    }
}

using Collections.Domain.Common;
using Collections.Domain.Payments;

namespace Collections.Domain.PaymentPlans;

/// <summary>Payments since the plan was agreed cover this instalment and every one before it.</summary>
public sealed record PaymentPlanInstalmentMet(string PlanId, int Number, DateOnly DueDate, Money Amount, DateTimeOffset MetAt);

/// <summary>An instalment was not paid by its date plus the policy's grace: the plan no longer holds the escalation.</summary>
/// <param name="AmountShort">What was missing of the instalments due by then.</param>
public sealed record PaymentPlanBroken(string PlanId, int Number, DateOnly DueDate, Money AmountShort, DateTimeOffset BrokenAt);

/// <summary>Every instalment is paid.</summary>
public sealed record PaymentPlanCompleted(string PlanId, Money Paid, DateTimeOffset CompletedAt);

public static class PaymentPlanProgress
{
    /// <summary>
    /// What a payment does to the plan, appended with it: each instalment it meets (counted cumulatively, so paying
    /// ahead meets several), and the plan completed once everything is paid. Recorded with the payment, so the
    /// account shows a met instalment the moment the money is in; the escalation only has to notice a missed one.
    /// </summary>
    public static IEnumerable<object> After(this PaymentPlanState? plan, PaymentReceived payment)
    {
        if (plan is not { IsOpen: true } || payment.Amount.Currency != plan.Currency) yield break;
        var paid = plan.PaidSince + payment.Amount.Amount;
        foreach (var instalment in plan.Instalments.Where(i => i.MetAt is null && paid >= plan.DueThrough(i.Number)))
            yield return new PaymentPlanInstalmentMet(plan.PlanId, instalment.Number, instalment.DueDate,
                new Money(instalment.Amount, plan.Currency), payment.ReceivedAt);
        if (paid >= plan.Total) yield return new PaymentPlanCompleted(plan.PlanId, new Money(paid, plan.Currency), payment.ReceivedAt);
    }

    /// <summary>The instalment to break the plan on: the first unmet one, with what is short of everything due by it.</summary>
    public static PaymentPlanBroken BrokenOn(this PaymentPlanState plan, InstalmentState missed, DateTimeOffset now) =>
        new(plan.PlanId, missed.Number, missed.DueDate, new Money(plan.DueThrough(missed.Number) - plan.PaidSince, plan.Currency), now);
}

using Collections.Domain.Common;
using Collections.Domain.PaymentPlans;

namespace Collections.Api.Accounts;

/// <param name="Status">Each instalment's standing on the account view's day: upcoming, late (past its date, within the grace), met, missed, void.</param>
public sealed record InstalmentView(int Number, DateOnly DueDate, decimal Amount, InstalmentStatus Status, DateTimeOffset? MetAt);

/// <summary>The account's latest payment plan: what was agreed, by whom, and where each instalment stands.</summary>
/// <param name="PaidSince">Paid in the plan's currency since it was agreed.</param>
/// <param name="EndedAt">When it was completed or broken.</param>
public sealed record PaymentPlanView(
    string PlanId,
    PaymentPlanStatus Status,
    Money Total,
    Money PastDueWhenAgreed,
    decimal PaidSince,
    string AgreedBy,
    string? Note,
    DateTimeOffset AgreedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<InstalmentView> Instalments)
{
    public static PaymentPlanView? Of(PaymentPlanState? plan, DateOnly today) => plan is null
        ? null
        : new PaymentPlanView(plan.PlanId, plan.Status, new Money(plan.Total, plan.Currency),
            new Money(plan.PastDueWhenAgreed, plan.Currency), plan.PaidSince, plan.AgreedBy, plan.Note, plan.AgreedAt, plan.EndedAt,
            plan.Instalments.Select(i => new InstalmentView(i.Number, i.DueDate, i.Amount, plan.StatusOf(i, today), i.MetAt)).ToList());
}

namespace Collections.Domain.PaymentPlans;

public enum PaymentPlanStatus
{
    Open = 1,
    Completed = 2,
    Broken = 3
}

/// <summary>Where an instalment stands on a given day.</summary>
public enum InstalmentStatus
{
    /// <summary>Its date has not passed yet.</summary>
    Upcoming = 1,

    /// <summary>Its date has passed and it is not paid: the plan breaks when the policy's grace runs out.</summary>
    Late = 2,

    /// <summary>Payments since the plan was agreed cover it and every instalment before it.</summary>
    Met = 3,

    /// <summary>Not paid by its date plus the grace: the plan broke on it.</summary>
    Missed = 4,

    /// <summary>After a missed one: the plan no longer stands, so it is owed at once rather than on its date.</summary>
    Void = 5
}

public sealed class InstalmentState
{
    public int Number { get; set; }
    public DateOnly DueDate { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset? MetAt { get; set; }
    public bool Missed { get; set; }
}

/// <summary>The account's latest payment plan, open or ended, as it was agreed and as it has gone since.</summary>
public sealed class PaymentPlanState
{
    public string PlanId { get; set; } = "";
    public string Currency { get; set; } = "EUR";
    public List<InstalmentState> Instalments { get; set; } = [];

    /// <summary>The past-due balance in the plan's currency when it was agreed: what it had to cover.</summary>
    public decimal PastDueWhenAgreed { get; set; }

    public string AgreedBy { get; set; } = "";
    public string? Note { get; set; }
    public DateTimeOffset AgreedAt { get; set; }

    /// <summary>Paid in the plan's currency since it was agreed, whichever invoices the payments were applied to.</summary>
    public decimal PaidSince { get; set; }

    public PaymentPlanStatus Status { get; set; } = PaymentPlanStatus.Open;
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsOpen => Status == PaymentPlanStatus.Open;

    public decimal Total => Instalments.Sum(i => i.Amount);

    /// <summary>The first instalment not yet met: the one the escalation checks next.</summary>
    public InstalmentState? NextUnmet => Instalments.FirstOrDefault(i => i.MetAt is null);

    /// <summary>What instalments 1 to <paramref name="number"/> add up to.</summary>
    public decimal DueThrough(int number) => Instalments.Where(i => i.Number <= number).Sum(i => i.Amount);

    public InstalmentStatus StatusOf(InstalmentState instalment, DateOnly today) =>
        instalment.MetAt is not null ? InstalmentStatus.Met
        : instalment.Missed ? InstalmentStatus.Missed
        : !IsOpen ? InstalmentStatus.Void
        : instalment.DueDate < today ? InstalmentStatus.Late
        : InstalmentStatus.Upcoming;
}

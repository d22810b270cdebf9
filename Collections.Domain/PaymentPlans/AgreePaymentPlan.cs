using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Payments;
using Collections.Domain.Promises;

namespace Collections.Domain.PaymentPlans;

public sealed record PlanInstalment(DateOnly DueDate, decimal Amount);

/// <param name="Instalments">Dated amounts, in date order, from today on; together at least the past-due balance.</param>
public sealed record AgreePaymentPlan(
    string Currency,
    IReadOnlyList<PlanInstalment>? Instalments,
    string? Note,
    long? ExpectedVersion = null);

/// <summary>A binding agreement to pay the past-due balance in instalments, agreed by a credit manager.</summary>
/// <param name="PastDue">The past-due balance in the plan's currency it covers, late fees included.</param>
/// <param name="AgreedBy">The credit manager who agreed it with the debtor.</param>
public sealed record PaymentPlanAgreed(
    string PlanId,
    string Currency,
    IReadOnlyList<PlanInstalment> Instalments,
    Money PastDue,
    string AgreedBy,
    string? Note,
    DateTimeOffset AgreedAt);

public static class AgreePaymentPlanDecision
{
    public static Decision Decide(this DebtorAccount account, AgreePaymentPlan command, Actor by, PaymentPlanRules rules,
        DateTimeOffset now)
    {
        var instalments = command.Instalments ?? [];
        var check = Validate(command, instalments, account.Today(now));
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;
        if (account.OpenPaymentPlan() is { } standing)
            return Decision.NotAllowed("paymentPlan",
                $"Payment plan {standing.PlanId} is in place until {standing.Instalments[^1].DueDate:yyyy-MM-dd}; one plan at a time.");

        // Measured net of the credit on the account: the escalation sets it against what is past due anyway.
        var netted = account.Netted(now);
        var policy = WithinPolicy(netted, command.Currency, instalments, rules, now);
        if (!policy.IsValid) return policy.Reject(RejectionKind.NotAllowed);

        var agreed = new PaymentPlanAgreed($"PP-{account.PaymentPlansAgreed + 1}", command.Currency, instalments,
            new Money(netted.PastDueForDunningIn(command.Currency, now), command.Currency), by.Id, command.Note, now);
        // A standing promise is replaced by the plan (the escalation waits for the instalments instead); one whose
        // date has passed unpaid was broken, as when a new promise is taken.
        return account.OpenPromise switch
        {
            null => Decision.Append(agreed),
            var lapsed when lapsed.PromisedDate < account.Today(now) => Decision.Append(
                new PromiseBroken(lapsed.PromiseId, lapsed.Amount with { Amount = lapsed.Amount.Amount - lapsed.PaidSince }, now), agreed),
            var promise => Decision.Append(new PromiseSuperseded(promise.PromiseId, agreed.PlanId, now), agreed)
        };
    }

    /// <summary>The request on its own: every instalment dated, in order, from today, in the currency's decimals.</summary>
    private static Validation Validate(AgreePaymentPlan command, IReadOnlyList<PlanInstalment> instalments, DateOnly today)
    {
        var check = new Validation()
            .Currency(command.Currency, "currency")
            .Text(command.Note, InputLimits.Reason, "note")
            .When(instalments.Count == 0, "instalments", "must name at least one instalment.")
            .Items(instalments.Count, InputLimits.Instalments, "instalments");
        if (instalments.Count > InputLimits.Instalments) return check;

        PlanInstalment? previous = null;
        for (var i = 0; i < instalments.Count; i++)
        {
            var at = $"instalments[{i}]";
            if (instalments[i] is not { } instalment)
            {
                check.Add(at, "is required.");
                continue;
            }

            check.Date(instalment.DueDate, $"{at}.dueDate")
                .When(instalment.DueDate != default && instalment.DueDate < today, $"{at}.dueDate", "must not be in the past.")
                .When(previous is not null && instalment.DueDate != default && instalment.DueDate <= previous.DueDate, $"{at}.dueDate",
                    $"must be after instalments[{i - 1}].dueDate ({previous?.DueDate:yyyy-MM-dd}).")
                .Amount(instalment.Amount, command.Currency, $"{at}.amount");
            previous = instalment;
        }

        return check;
    }

    /// <summary>The plan against the account and the credit policy: it covers the whole past-due balance, within the limits.</summary>
    private static Validation WithinPolicy(DebtorAccount account, string currency, IReadOnlyList<PlanInstalment> instalments,
        PaymentPlanRules rules, DateTimeOffset now)
    {
        var pastDue = account.PastDueForDunningIn(currency, now);
        var total = new Money(instalments.Sum(i => i.Amount), currency); // each at most 10^12, at most 60 of them: no overflow
        var open = account.OpenBalance().Where(m => m.Currency == currency).Sum(m => m.Amount);
        var otherCurrencies = account.PastDueBalanceForDunning(now).Where(m => m.Currency != currency).ToList();
        var latest = account.LatestDate(rules.MaximumHorizon, now);
        var last = instalments.Count - 1;

        return new Validation()
            .When(pastDue == 0, "currency", $"Nothing is past due in {currency} outside review; a payment plan covers a past-due balance.")
            .When(otherCurrencies.Count > 0, "currency",
                $"{string.Join(" and ", otherCurrencies)} is past due as well; a plan covers the whole past-due balance, in one currency.")
            .When(instalments.Count > rules.MaximumInstalments, "instalments",
                $"has {instalments.Count} instalments; the credit policy allows at most {rules.MaximumInstalments}.")
            .When(instalments[last].DueDate > latest, $"instalments[{last}].dueDate",
                $"is after {latest:yyyy-MM-dd}, the latest date the credit policy allows for the last instalment.")
            .When(pastDue > 0 && total.Amount < pastDue, "instalments",
                $"add up to {total}; the plan must cover the {new Money(pastDue, currency)} past due, late fees included (invoices under review aside).")
            .When(total.Amount > open, "instalments", $"add up to {total}, more than the {new Money(open, currency)} open.");
    }
}

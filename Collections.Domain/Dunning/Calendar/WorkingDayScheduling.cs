using Collections.Domain.Accounts;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Calendar;

/// <summary>
/// Policy durations and non-working days on the debtor's calendar. Times of day stay those of the debtor's office
/// (<see cref="DebtorClock"/>): a step moved from Saturday 10:00 runs at 10:00 on Monday, whatever the clocks did.
/// </summary>
public static class WorkingDayScheduling
{
    /// <summary>The account's own country, else the policy's default country.</summary>
    public static string? CountryFor(this DebtorAccount account, CreditPolicy policy) =>
        policy.Calendar.IsGiven ? account.Country ?? policy.Calendar.DefaultCountry : null;

    public static WorkingCalendar WorkingCalendar(this DebtorAccount account, CreditPolicy policy) =>
        new(policy.Calendar, account.CountryFor(policy));

    /// <summary>
    /// Hours, minutes and seconds are elapsed time ("48h" is 48 hours, across a clock change too); days land at the
    /// same time of day n dates later, working days at the same time of day on the n-th working day after.
    /// </summary>
    public static DateTimeOffset After(this DebtorAccount account, CreditPolicy policy, DateTimeOffset from, PolicyDuration duration)
    {
        if (duration.Elapsed is { } elapsed) return from + elapsed;
        var local = account.Local(from).DateTime;
        var date = DateOnly.FromDateTime(local);
        return account.At(duration.Unit == DurationUnit.WorkingDays
            ? account.WorkingCalendar(policy).AddWorkingDays(date, duration.Amount)
            : date.AddDays(duration.Amount), TimeOnly.FromDateTime(local));
    }

    /// <summary>
    /// <paramref name="instant"/> if its date is a working day at the debtor's office; else the next working day, at
    /// <paramref name="at"/> if given or at the same time of day, with the move and its reason.
    /// </summary>
    public static WorkingDayTime OnWorkingDay(this DebtorAccount account, CreditPolicy policy, DateTimeOffset instant, TimeOnly? at = null)
    {
        var calendar = account.WorkingCalendar(policy);
        var local = account.Local(instant).DateTime;
        var date = DateOnly.FromDateTime(local);
        var next = calendar.NextWorkingDay(date);
        if (next == date) return new WorkingDayTime(instant, null);

        var skipped = calendar.NonWorkingDays(date, next.AddDays(-1)).Select(d => calendar.Explain(d.Date));
        return new WorkingDayTime(account.At(next, at ?? TimeOnly.FromDateTime(local)),
            new WorkingDayMove(instant, $"moved to the next working day: {string.Join("; ", skipped)}"));
    }

    /// <summary>A final notice's contact-by time: the response window on from the notice, never on a non-working day.</summary>
    public static WorkingDayTime Deadline(this DebtorAccount account, CreditPolicy policy, DateTimeOffset noticeAt, PolicyDuration window) =>
        account.OnWorkingDay(policy, account.After(policy, noticeAt, window));

    /// <summary>
    /// When a promise counts as broken: 00:00 on the day after the promised date plus the grace. Working days of grace
    /// are counted from the promised date: "1wd" on a Friday awaits the payment until Monday is over.
    /// </summary>
    public static DateTimeOffset PromiseAwaitedUntil(this DebtorAccount account, CreditPolicy policy, DateOnly promisedDate) =>
        policy.PromiseGrace.Unit == DurationUnit.WorkingDays
            ? account.StartOf(account.WorkingCalendar(policy).AddWorkingDays(promisedDate, policy.PromiseGrace.Amount).AddDays(1))
            : account.After(policy, account.StartOf(promisedDate.AddDays(1)), policy.PromiseGrace);
}

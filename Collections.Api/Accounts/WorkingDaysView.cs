using Collections.Domain.Accounts;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Api.Accounts;

public sealed record NonWorkingDayView(DateOnly Date, string Reason);

/// <summary>The working days the escalation keeps for this debtor: steps and deadlines never fall on another day.</summary>
/// <param name="Country">Whose working days and public holidays: the account's <c>country</c>, else the policy's default; null when the policy has no calendar (every day is worked).</param>
/// <param name="CountryFrom"><c>account</c> or <c>policy</c>; null with <paramref name="Country"/>.</param>
/// <param name="PublicHolidays">Where the country's holidays come from: <c>library</c>, <c>policy</c>, <c>libraryAndPolicy</c>, or <c>none</c> (only the working week and our closures are kept).</param>
/// <param name="Coming">The days that are not worked from today for the next two weeks, with the reason for each.</param>
public sealed record WorkingDaysView(string? Country, string? CountryFrom, IReadOnlyList<DayOfWeek> WorkingWeek, string PublicHolidays,
    IReadOnlyList<NonWorkingDayView> Coming)
{
    public static WorkingDaysView Of(DebtorAccount account, CreditPolicy policy, DateOnly today)
    {
        var calendar = account.WorkingCalendar(policy);
        var from = calendar.Country is null ? null : account.Country is null ? "policy" : "account";
        var holidays = (calendar.HasNationalHolidays, calendar.HasPolicyHolidays) switch
        {
            (true, true) => "libraryAndPolicy",
            (true, false) => "library",
            (false, true) => "policy",
            _ => "none"
        };
        var week = Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday).Where(calendar.WorkingWeek.Contains).ToList();
        return new WorkingDaysView(calendar.Country, from, week, holidays,
            calendar.NonWorkingDays(today, DateOnly.FromDayNumber(Math.Min(today.DayNumber + 13, DateOnly.MaxValue.DayNumber))).Select(d => new NonWorkingDayView(d.Date, d.Reason)).ToList());
    }
}

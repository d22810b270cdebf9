using Collections.Domain.Dunning.PolicyFile;
using System.Globalization;

namespace Collections.Domain.Dunning.Calendar;

/// <summary>The working days of one debtor's country under the credit policy: its working week, holidays and our closures.</summary>
/// <param name="country">ISO 3166-1 alpha-2; null only for a policy without a calendar, where every day is worked.</param>
public sealed class WorkingCalendar(CalendarRules rules, string? country)
{
    /// <summary>How far ahead a working day is looked for; the parser keeps closures short enough that one is always found.</summary>
    private const int SearchDays = 366;

    public string? Country => country;

    private CountryCalendar Own => country is null ? CountryCalendar.National : rules.For(country);

    public IReadOnlySet<DayOfWeek> WorkingWeek => Own.WorkingWeek ?? rules.WorkingWeek;

    /// <summary>Whether the library's national holidays count for this country (known to it and not switched off by the policy).</summary>
    public bool HasNationalHolidays => country is not null && Own.PublicHolidays && NationalHolidays.IsKnown(country);

    public bool HasPolicyHolidays => Own.Holidays.Count > 0;

    public bool IsWorkingDay(DateOnly date) => WhyNotWorking(date) is null;

    /// <summary>Why <paramref name="date"/> is not worked ("a public holiday in DE (Karfreitag)"), or null when it is.</summary>
    public string? WhyNotWorking(DateOnly date)
    {
        if (!WorkingWeek.Contains(date.DayOfWeek)) return $"not a working day in {country}";
        if (Own.Holidays.FirstOrDefault(h => h.Day.Is(date)) is { } holiday) return $"a holiday in {country} ({holiday.Name})";
        if (HasNationalHolidays && NationalHolidays.On(country!, date) is { } name) return $"a public holiday in {country} ({name})";
        if (rules.Closures.FirstOrDefault(c => c.Covers(date)) is { } closure) return $"a closure of our office ({closure.Reason})";
        return null;
    }

    /// <summary><paramref name="date"/> itself if it is worked, else the first working day after it.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        for (var day = date; day <= date.AddDays(SearchDays); day = day.AddDays(1))
            if (IsWorkingDay(day)) return day;
        throw new InvalidOperationException(
            $"No working day in {country} within {SearchDays} days of {date:yyyy-MM-dd}: check the credit policy's calendar.");
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="date"/> (the date itself when zero).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        for (var n = 0; n < days; n++) date = NextWorkingDay(date.AddDays(1));
        return date;
    }

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/> that is not worked, with the reason.</summary>
    public IEnumerable<(DateOnly Date, string Reason)> NonWorkingDays(DateOnly from, DateOnly to)
    {
        // By day number, so that a range ending on DateOnly.MaxValue ends instead of overflowing.
        for (var n = from.DayNumber; n <= to.DayNumber; n++)
            if (WhyNotWorking(DateOnly.FromDayNumber(n)) is { } reason) yield return (DateOnly.FromDayNumber(n), reason);
    }

    /// <summary>"Saturday 5 April 2031 is not a working day in DE".</summary>
    public string Explain(DateOnly date) =>
        $"{date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)} is {WhyNotWorking(date)}";
}

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>A day the policy names: once (<c>"2031-03-19"</c>, with a year) or every year (<c>"03-19"</c>, without).</summary>
public sealed record PolicyDay(int? Year, int Month, int Day)
{
    public bool IsYearly => Year is null;

    public bool Is(DateOnly date) => (Year ?? date.Year) == date.Year && Month == date.Month && Day == date.Day;

    /// <summary>yyyymmdd, a yearly day taken in <paramref name="year"/>: orders days for range checks.</summary>
    public int Key(int year) => (Year ?? year) * 10_000 + Month * 100 + Day;

    public override string ToString() => Year is { } y ? $"{y:0000}-{Month:00}-{Day:00}" : $"{Month:00}-{Day:00}";
}

/// <summary>A holiday the policy lists for one country, beside (or instead of) the national ones the library knows.</summary>
public sealed record PolicyHoliday(PolicyDay Day, string Name);

/// <summary>
/// Days the creditor's own office is closed, for every debtor (e.g. 24 to 31 December): nobody is there to make a
/// call, answer a debtor who gets in touch, or see a deadline through. A yearly closure may run over New Year.
/// </summary>
public sealed record Closure(PolicyDay From, PolicyDay To, string Reason)
{
    /// <summary>Both days dated, or both yearly (the parser refuses a mix).</summary>
    public bool Covers(DateOnly date)
    {
        var (day, from, to) = (date.Year * 10_000 + date.Month * 100 + date.Day, From.Key(date.Year), To.Key(date.Year));
        return from <= to ? day >= from && day <= to : day >= from || day <= to; // a yearly closure over New Year wraps
    }
}

/// <param name="WorkingWeek">This country's working week, when it differs from the policy's.</param>
/// <param name="PublicHolidays">Whether the national public holidays the holiday library knows apply.</param>
/// <param name="Holidays">Holidays the policy lists for this country (regional ones, or a country the library does not know).</param>
public sealed record CountryCalendar(IReadOnlySet<DayOfWeek>? WorkingWeek, bool PublicHolidays, IReadOnlyList<PolicyHoliday> Holidays)
{
    public static readonly CountryCalendar National = new(null, true, []);
}

/// <summary>
/// The policy's working days (<c>calendar</c> in the file): which days of the week are worked, the public holidays of
/// the debtor's country, and the creditor's closures. A step or deadline that falls on any other day moves to the next
/// working day; durations in working days ("2wd") count only working days.
/// </summary>
/// <param name="DefaultCountry">The country of an account that names none (ISO 3166-1 alpha-2); null without a calendar.</param>
public sealed record CalendarRules(
    string? DefaultCountry,
    IReadOnlySet<DayOfWeek> WorkingWeek,
    IReadOnlyDictionary<string, CountryCalendar> Countries,
    IReadOnlyList<Closure> Closures)
{
    /// <summary>A policy without a calendar: every day is a working day, as before working days were known.</summary>
    public static readonly CalendarRules EveryDay = new(null, Enum.GetValues<DayOfWeek>().ToHashSet(), new Dictionary<string, CountryCalendar>(), []);

    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    public bool IsGiven => DefaultCountry is not null;

    public CountryCalendar For(string country) => Countries.GetValueOrDefault(country) ?? CountryCalendar.National;
}

using PublicHoliday;
using System.Collections.Concurrent;

namespace Collections.Domain.Dunning.Calendar;

/// <summary>
/// National public holidays from the PublicHoliday library (MIT; martinjw/Holiday), which computes them for about
/// forty countries (most of Europe, the UK, the US, Canada, Australia, Japan, ...) for any year, with the dates on
/// which holidays falling on a weekend are observed. Regional holidays (a German state's, a Swiss canton's) are not
/// included: a policy lists those itself (<c>calendar.countries.XX.holidays</c>).
/// </summary>
public static class NationalHolidays
{
    private static readonly ConcurrentDictionary<string, IPublicHolidays?> Calendars = new();
    private static readonly ConcurrentDictionary<(string Country, int Year), IReadOnlyDictionary<DateOnly, string>> Years = new();

    public static bool IsKnown(string country) => CalendarOf(country) is not null;

    /// <summary>The holiday's name (as the library gives it, often in the country's language), or null on any other day.</summary>
    public static string? On(string country, DateOnly date)
    {
        if (CalendarOf(country) is null) return null;
        // A holiday observed on another date can cross the year: a Saturday 1 January is observed on 31 December in the US.
        return HolidaysOf(country, date.Year).GetValueOrDefault(date) ?? HolidaysOf(country, date.Year + 1).GetValueOrDefault(date);
    }

    private static IReadOnlyDictionary<DateOnly, string> HolidaysOf(string country, int year) =>
        Years.GetOrAdd((country, year), key =>
        {
            try
            {
                return CalendarOf(key.Country)!.PublicHolidayNames(key.Year).ToDictionary(h => DateOnly.FromDateTime(h.Key), h => h.Value);
            }
            catch (ArgumentOutOfRangeException)
            {
                return new Dictionary<DateOnly, string>(); // the years DateTime cannot hold (past 9999): no holidays to name
            }
        });

    private static IPublicHolidays? CalendarOf(string country) => Calendars.GetOrAdd(country, code =>
    {
        // The factory answers an unknown code with an exception; it also takes "PO", its old wrong code for Poland.
        if (code == "PO") return null;
        try
        {
            return PublicHolidayFactory.GetPublicHolidayForCountry(code);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    });
}

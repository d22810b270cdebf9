using Collections.Domain.Common;
using Collections.Domain.Dunning.Calendar;
using System.Globalization;
using System.Text.Json;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>The <c>calendar</c> section: working week, holidays per country, our closures.</summary>
public static partial class CreditPolicyParser
{
    /// <summary>A closure longer than this is not a closure; the bound also guarantees a working day is always found.</summary>
    private const int LongestClosureDays = 92;

    private static CalendarRules BuildCalendar(PolicyFile file, Action<string, string> error)
    {
        if (file.Calendar is not { } calendar)
        {
            WorkingDaysNeedACalendar(file, error);
            return CalendarRules.EveryDay;
        }

        var defaultCountry = calendar.DefaultCountry ?? "";
        if (string.IsNullOrWhiteSpace(calendar.DefaultCountry)) error("$.calendar.defaultCountry", "is required (e.g. \"DE\").");
        else if (!CountryCode.IsKnown(defaultCountry)) error("$.calendar.defaultCountry", NotACountry(defaultCountry));

        var countries = new Dictionary<string, CountryCalendar>(StringComparer.Ordinal);
        foreach (var (code, country) in calendar.Countries ?? [])
        {
            var path = $"$.calendar.countries.{code}";
            if (!CountryCode.IsKnown(code)) error(path, NotACountry(code));
            countries[code] = new CountryCalendar(
                country.WorkingWeek is null ? null : WorkingWeek(country.WorkingWeek, $"{path}.workingWeek", error),
                country.PublicHolidays ?? true,
                (country.Holidays ?? []).Select((h, i) => Holiday(h, $"{path}.holidays[{i}]", error)).ToList());
        }

        // Every country the policy names must have its holidays known, or say it goes without.
        foreach (var code in countries.Keys.Append(defaultCountry).Where(CountryCode.IsKnown).Distinct())
        {
            var own = countries.GetValueOrDefault(code) ?? CountryCalendar.National;
            if (own.PublicHolidays && !NationalHolidays.IsKnown(code) && own.Holidays.Count == 0)
                error(code == defaultCountry && !countries.ContainsKey(code) ? "$.calendar.defaultCountry" : $"$.calendar.countries.{code}",
                    $"the holiday library does not know the public holidays of {code}: list them in $.calendar.countries.{code}.holidays, " +
                    $"or set $.calendar.countries.{code}.publicHolidays to false.");
        }

        var closures = (calendar.Closures ?? []).Select((c, i) => Closure(c, $"$.calendar.closures[{i}]", error)).ToList();
        var week = calendar.WorkingWeek is null ? CalendarRules.MondayToFriday : WorkingWeek(calendar.WorkingWeek, "$.calendar.workingWeek", error);
        return new CalendarRules(defaultCountry, week, countries, closures);
    }

    private static string NotACountry(string code) => $"'{code}' is not an ISO 3166-1 alpha-2 country code (e.g. \"DE\", \"GB\", \"US\").";

    private static IReadOnlySet<DayOfWeek> WorkingWeek(IReadOnlyList<DayOfWeek> days, string path, Action<string, string> error)
    {
        if (days.Count == 0) error(path, "must name at least one day.");
        foreach (var day in days.GroupBy(d => d).Where(g => g.Count() > 1))
            error(path, $"names {JsonNamingPolicy.CamelCase.ConvertName(day.Key.ToString())} more than once.");
        return days.ToHashSet();
    }

    private static PolicyHoliday Holiday(HolidayFile holiday, string path, Action<string, string> error)
    {
        Required(holiday.Name, $"{path}.name", error);
        return new PolicyHoliday(Day(holiday.Date, $"{path}.date", error), holiday.Name);
    }

    private static Closure Closure(ClosureFile closure, string path, Action<string, string> error)
    {
        Required(closure.Reason, $"{path}.reason", error);
        var (from, to) = (Day(closure.From, $"{path}.from", error), Day(closure.To, $"{path}.to", error));
        if (from.IsYearly != to.IsYearly)
            error($"{path}.to", "must be written like 'from': both with a year (once) or both without (every year).");
        else if (!from.IsYearly && to.Key(0) < from.Key(0))
            error($"{path}.to", "must not be before 'from'.");
        else if (Length(from, to) > LongestClosureDays)
            error($"{path}.to", $"a closure may last at most {LongestClosureDays} days.");
        return new Closure(from, to, closure.Reason);
    }

    private static int Length(PolicyDay from, PolicyDay to)
    {
        // Yearly days are measured in a leap year, and over New Year when the closure wraps.
        var start = new DateOnly(from.Year ?? 2000, from.Month, from.Day);
        var end = new DateOnly(to.Year ?? 2000, to.Month, to.Day);
        if (end < start) end = end.AddYears(1);
        return end.DayNumber - start.DayNumber + 1;
    }

    /// <summary>"2031-12-24" once, or "12-24" every year.</summary>
    private static PolicyDay Day(string? text, string path, Action<string, string> error)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new PolicyDay(date.Year, date.Month, date.Day);
        // A yearly day is read in a leap year, so "02-29" is a day (it then falls only in leap years).
        if (DateOnly.TryParseExact($"2000-{text}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var yearly))
            return new PolicyDay(null, yearly.Month, yearly.Day);
        error(path, text is null ? "is required." : $"'{text}' is not a date like \"2031-12-24\" (once) or \"12-24\" (every year).");
        return new PolicyDay(null, 1, 1);
    }

    /// <summary>"2wd" counts the working days of a calendar; without one it cannot mean anything.</summary>
    private static void WorkingDaysNeedACalendar(PolicyFile file, Action<string, string> error)
    {
        var durations = new List<(string Path, string? Text)> { ("$.promiseGrace", file.PromiseGrace) };
        foreach (var (segment, ladder) in file.Ladders ?? [])
        {
            var steps = ladder.Steps ?? [];
            for (var i = 0; i < steps.Count; i++)
            {
                var at = $"$.ladders.{JsonNamingPolicy.CamelCase.ConvertName(segment.ToString())}.steps[{i}]";
                durations.Add(($"{at}.after", steps[i].After));
                durations.Add(($"{at}.responseWindow", steps[i].ResponseWindow));
            }
        }

        durations.Add(("$.finalNotices.followUpGrace", file.FinalNotices?.FollowUpGrace));
        foreach (var (channel, text) in file.FinalNotices?.DeliveryTime ?? [])
            durations.Add(($"$.finalNotices.deliveryTime.{Camel<Channel>(channel)}", text));
        durations.Add(("$.missingContacts.waitForDetails", file.MissingContacts?.WaitForDetails));

        foreach (var (path, text) in durations)
            if (text is not null && PolicyDuration.TryParse(text, out var d) && d.Unit == DurationUnit.WorkingDays)
                error(path, $"'{text}' counts working days, which need a $.calendar (at least its defaultCountry).");
    }

    private sealed record CalendarFile(string? DefaultCountry, IReadOnlyList<DayOfWeek>? WorkingWeek,
        Dictionary<string, CountryFile>? Countries, IReadOnlyList<ClosureFile>? Closures);

    private sealed record CountryFile(IReadOnlyList<DayOfWeek>? WorkingWeek, bool? PublicHolidays, IReadOnlyList<HolidayFile>? Holidays);

    private sealed record HolidayFile(string? Date, string Name);

    private sealed record ClosureFile(string? From, string? To, string Reason);
}

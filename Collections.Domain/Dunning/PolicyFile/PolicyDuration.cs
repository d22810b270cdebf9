using System.Globalization;
using System.Text.RegularExpressions;

namespace Collections.Domain.Dunning.PolicyFile;

public enum DurationUnit
{
    /// <summary>Calendar days at the debtor's office: the same time of day, n dates later.</summary>
    Days = 1,

    /// <summary>Working days of the debtor's calendar: the same time of day on the n-th working day after.</summary>
    WorkingDays = 2,

    Hours = 3,
    Minutes = 4,
    Seconds = 5
}

/// <summary>
/// A duration as the policy file writes it: "3d", "2wd", "48h", "15m", "30s". Kept as number and unit, not as a
/// <see cref="TimeSpan"/>, because working days have no fixed length: only the debtor's calendar can add them
/// (<c>Calendar.WorkingDayScheduling.After</c>).
/// </summary>
public readonly partial record struct PolicyDuration(int Amount, DurationUnit Unit)
{
    public static PolicyDuration Days(int n) => new(n, DurationUnit.Days);
    public static PolicyDuration WorkingDays(int n) => new(n, DurationUnit.WorkingDays);
    public static PolicyDuration Hours(int n) => new(n, DurationUnit.Hours);
    public static PolicyDuration Seconds(int n) => new(n, DurationUnit.Seconds);

    /// <summary>Hours, minutes and seconds: elapsed time, whatever the clocks do. Null for days, which the debtor's calendar counts.</summary>
    public TimeSpan? Elapsed => Unit switch
    {
        DurationUnit.Hours => TimeSpan.FromHours(Amount),
        DurationUnit.Minutes => TimeSpan.FromMinutes(Amount),
        DurationUnit.Seconds => TimeSpan.FromSeconds(Amount),
        _ => null
    };

    [GeneratedRegex(@"^(\d{1,5})(d|wd|h|m|s)$")]
    private static partial Regex Format();

    public static bool TryParse(string text, out PolicyDuration duration)
    {
        duration = default;
        var match = Format().Match(text);
        if (!match.Success) return false;
        duration = new PolicyDuration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), Suffixes[match.Groups[2].Value]);
        return true;
    }

    private static readonly Dictionary<string, DurationUnit> Suffixes = new()
    {
        ["d"] = DurationUnit.Days, ["wd"] = DurationUnit.WorkingDays, ["h"] = DurationUnit.Hours,
        ["m"] = DurationUnit.Minutes, ["s"] = DurationUnit.Seconds
    };

    public override string ToString()
    {
        var unit = Unit;
        return $"{Amount}{Suffixes.Single(s => s.Value == unit).Key}";
    }
}

using Collections.Domain.Accounts;

namespace Collections.Domain.Dunning.Calendar;

/// <summary>Turns dates and times of day at the debtor's office into instants, and back.</summary>
public static class DebtorClock
{
    public static DateTimeOffset StartOf(this DebtorAccount account, DateOnly date) => account.At(date, TimeOnly.MinValue);

    public static DateTimeOffset At(this DebtorAccount account, DateOnly date, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by a daylight-saving jump does not exist; move past the gap.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// Whole days are counted on the debtor's calendar ("3d" after 09:00 is 09:00 three days later, across a
    /// daylight-saving change too); hours, minutes and seconds are elapsed time.
    /// </summary>
    public static DateTimeOffset After(this DebtorAccount account, DateTimeOffset from, TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerDay != 0) return from + duration;
        var local = account.Local(from);
        return account.At(DateOnly.FromDateTime(local.DateTime).AddDays(duration.Days), TimeOnly.FromDateTime(local.DateTime));
    }

    public static DateTimeOffset Local(this DebtorAccount account, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone));

    /// <summary>"2:00 pm on Tuesday, 9 December 2026 (Europe/London)": how a contact-by time is written to a debtor.</summary>
    public static string Describe(this DebtorAccount account, DateTimeOffset instant)
    {
        var local = account.Local(instant);
        return $"{local.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant()} on " +
               $"{local.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} ({account.TimeZone})";
    }
}

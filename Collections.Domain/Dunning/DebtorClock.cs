using Collections.Domain.Accounts;

namespace Collections.Domain.Dunning;

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

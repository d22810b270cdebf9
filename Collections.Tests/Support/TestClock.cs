namespace Collections.Tests.Support;

/// <summary>A clock the tests set: domain decisions read time from TimeProvider, never from DateTime.Now.</summary>
/// <remarks>
/// It starts years ahead of the real clock, so the durable timers a test schedules (which Wolverine fires by the
/// real clock) never go off by themselves mid-test; tests deliver them explicitly.
/// </remarks>
public sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2031, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = Start;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public void Advance(TimeSpan by) => Now += by;
}

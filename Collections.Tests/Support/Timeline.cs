using Alba;
using JasperFx.Core;
using Wolverine;
using Wolverine.Tracking;

namespace Collections.Tests.Support;

/// <summary>
/// Virtual time for the real message pipeline. Every message the system schedules (due-date timers, saga
/// wake-ups, late fees) is caught by Wolverine's tracking; <see cref="RunUntil"/> sets the test clock to each
/// one's time in order and delivers it through Wolverine, so a 120-day escalation runs in seconds.
/// </summary>
public sealed class Timeline(IAlbaHost host, TestClock clock)
{
    private readonly List<(DateTimeOffset At, object Message, string? Tenant)> _scheduled = [];

    public async Task<IScenarioResult> Http(Action<Scenario> scenario)
    {
        IScenarioResult result = null!;
        var tracked = await host.TrackActivity().Timeout(30.Seconds())
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => result = await host.Scenario(scenario)));
        Collect(tracked);
        return result;
    }

    public async Task RunUntil(DateTimeOffset until)
    {
        while (_scheduled.Where(s => s.At <= until).OrderBy(s => s.At).FirstOrDefault() is { Message: not null } next)
        {
            _scheduled.Remove(next);
            if (next.At > clock.Now) clock.Now = next.At;
            // For the tenant it was scheduled for, as Wolverine's scheduler would deliver it.
            Collect(await host.TrackActivity().Timeout(30.Seconds())
                .ExecuteAndWaitAsync(bus => bus.InvokeForTenantAsync(next.Tenant!, next.Message)));
        }

        if (clock.Now < until) clock.Now = until;
    }

    public Task Advance(TimeSpan by) => RunUntil(clock.Now + by);

    private void Collect(ITrackedSession tracked)
    {
        foreach (var envelope in tracked.Scheduled.Envelopes())
            _scheduled.Add((envelope.ScheduledTime!.Value, envelope.Message!, envelope.TenantId));
    }
}

using Collections.Api.Dunning;
using Collections.Api.Tenancy;
using Collections.Domain.Contacts;
using Collections.Domain.Dunning.Ladders;
using Collections.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Tracking;

namespace Collections.Tests.Dunning;

/// <summary>A timer that is gone (dead-lettered, deleted by hand) must not end the escalation: the sweep wakes it.</summary>
public sealed class LostTimers(AppFixture fixture) : EscalationContext(fixture)
{
    private EscalationSweep Sweep => Host.Services.GetRequiredService<EscalationSweep>();

    [Fact]
    public async Task an_escalation_whose_timer_was_lost_is_woken_by_the_sweep_and_runs_its_step_once()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(0); // fallen due: the escalation has started and its first step is scheduled
        var next = (await Events<DunningStepScheduled>()).Last();
        next.StepId.ShouldBe("reminder-letter");
        (await DeleteWakeups()).ShouldBe(1);

        Clock.Now = next.DueAt + TimeSpan.FromSeconds(5);
        (await Sweep.RunOnceAsync()).ShouldBe(0, "within the grace a late timer is not lost yet");
        (await Overdue()).ShouldBe(0);

        Clock.Now = next.DueAt + TimeSpan.FromMinutes(1);
        (await Overdue()).ShouldBe(1);
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(_ => Sweep.RunOnceAsync());

        (await Events<ReminderSent>()).ShouldHaveSingleItem().StepId.ShouldBe("reminder-letter");
        (await Events<DunningStepScheduled>()).Last().StepId.ShouldBe("friendly-email");
        (await Overdue()).ShouldBe(0);
        (await Sweep.RunOnceAsync()).ShouldBe(0, "the next step has its timer");
    }

    [Fact]
    public async Task an_overdue_escalation_with_its_timer_still_waiting_is_left_to_it()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(0); // fallen due: the escalation has started and its first step is scheduled
        var next = (await Events<DunningStepScheduled>()).Last();
        Clock.Now = next.DueAt + TimeSpan.FromMinutes(1);

        (await Overdue()).ShouldBe(1);
        (await Sweep.RunOnceAsync()).ShouldBe(0);
        (await Events<ReminderSent>()).ShouldBeEmpty();
    }

    private async Task<int> Overdue() => (await Sweep.CountOverdueAsync(default))[Tenants.Default];

    private async Task<int> DeleteWakeups()
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Marten"));
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand(
            "delete from collections.wolverine_incoming_envelopes where message_type = 'Collections.Api.Dunning.DunningWakeup'", connection);
        return await delete.ExecuteNonQueryAsync();
    }
}

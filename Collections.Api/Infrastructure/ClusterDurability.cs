using Wolverine;

namespace Collections.Api.Infrastructure;

/// <summary>
/// How fast a cluster notices that a node died (kill -9, a lost host) and moves its agents (the async projections,
/// the integration-events relay, the durability agent that fires timers) to a live node. With Wolverine's defaults
/// a dead node is noticed only once its last heartbeat is a minute old, so its projections and relay sat idle for
/// 62-66 s; with these, takeover takes a few seconds (docs/reliability.md has the measured figures).
/// </summary>
public static class ClusterDurability
{
    public static WolverineOptions UseFastTakeover(this WolverineOptions opts)
    {
        opts.Durability.ForFastTakeover();
        // Without it an idle node hears of a new assignment up to 5 s late (see ControlQueueKeepAlive).
        opts.Services.AddHostedService<ControlQueueKeepAlive>();
        return opts;
    }

    public static DurabilitySettings ForFastTakeover(this DurabilitySettings durability)
    {
        // Heartbeat and leader evaluation every second (default 10 s): a dead node's last heartbeat is at most 1 s old
        // when it dies, and the leader looks again within a second of it turning stale.
        durability.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
        // A node silent for 4 s (four missed heartbeats) is treated as dead and its agents go elsewhere (default 60 s,
        // the bulk of the old 62-66 s). Four beats leave room for a GC pause or a busy machine.
        durability.StaleNodeTimeout = TimeSpan.FromSeconds(4);
        // Two consecutive stale observations before the dead node's row is deleted (the default, kept): routing away
        // from it starts on the first observation, the irreversible delete waits for a second one.
        durability.StaleNodeEjectionThreshold = 2;
        // The leader's full "is every assigned agent really running" check every 5 s (default 30 s), so an agent that
        // failed to start on its new node is restarted promptly.
        durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(5);
        // Messages the dead node had claimed (timers, relayed events waiting in the outbox) are released every 2 s
        // once its row is gone (default 5 s), so the escalation and the relay resume with the agents.
        durability.OrphanedMessageSweepPollingTime = TimeSpan.FromSeconds(2);
        // A projection or relay paused by a database outage is restarted 1 s, 2 s, 4 s... after the failure, at most
        // 10 s apart (default 5 min): after a long outage the read models resume within 10 s of the database.
        durability.TransientFailureRestartMaxBackoff = TimeSpan.FromSeconds(10);
        return durability;
    }
}

using Wolverine;
using Wolverine.Runtime;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Keeps this node's Wolverine control queue (the table through which the leader tells a node to start or stop
/// agents) on its 1 s polling: Wolverine 6.62 polls it every 5 s once the node has received nothing on it for 10 s,
/// and has no setting for that. An idle node handed a dead node's projections would then hear about it up to 5 s
/// late. A no-op message to itself every 4 s costs one row insert and delete per node.
/// </summary>
public sealed class ControlQueueKeepAlive(IWolverineRuntime runtime, IServiceScopeFactory scopes, ILogger<ControlQueueKeepAlive> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(4);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Solo nodes (tests, single-node runs) have no control queue and nobody to take over from.
        if (runtime.Options.Durability.Mode != DurabilityMode.Balanced) return;
        var self = new Uri($"dbcontrol://{runtime.Options.UniqueNodeId}/");
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<IMessageBus>().EndpointFor(self).SendAsync(new ControlQueuePing());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be away; the next tick tries again.
                    logger.LogDebug(e, "Could not ping this node's control queue");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}

/// <summary>Nothing to do: arriving is the point (see <see cref="ControlQueueKeepAlive"/>).</summary>
public sealed record ControlQueuePing;

public static class ControlQueuePingHandler
{
    public static void Handle(ControlQueuePing _)
    {
    }
}

using Collections.Api.Infrastructure;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Runtime.Serialization;
using Wolverine.Util;
using System.Text.Json;
using Collections.Api.Tenancy;

namespace Collections.Api.Dunning;

/// <summary>Collections:Sweep. <see cref="Grace"/>: how overdue a wake-up must be before it counts as lost.</summary>
public sealed record SweepSettings(bool Enabled, TimeSpan Interval, TimeSpan Grace, int MaxPerRun, int MaxPendingWakeups)
{
    public const string Section = "Collections:Sweep";

    public static SweepSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new SweepSettings(section.GetValue("Enabled", true), section.GetValue("Interval", TimeSpan.FromSeconds(10)),
            section.GetValue("Grace", TimeSpan.FromSeconds(10)), section.GetValue("MaxPerRun", 200), section.GetValue("MaxPendingWakeups", 1000));
    }
}

/// <summary>
/// The second line of defence behind <see cref="AccountMessageQueues"/>: finds escalations whose next step,
/// promise or instalment check or consequence is overdue by more than the grace with no wake-up waiting to run, and wakes
/// them. A wake-up carries the escalation's generation, so one that arrives twice runs the step once. It visits every
/// tenant, each in a session of its own, and wakes an escalation for its own tenant: account numbers repeat across
/// tenants, so a live timer counts only for the tenant on its envelope. Timers wait in the inbox of their tenant's
/// database, so it reads every database's; one node at a time sweeps, by a lock in the main database.
/// </summary>
public sealed class EscalationSweep(IDocumentStore store, Tenants tenants, TenantDatabases databases, IServiceScopeFactory scopes,
    TimeProvider clock, SweepSettings settings, ILogger<EscalationSweep> logger) : BackgroundService
{
    private const long LockKey = 0x436f6c6c53776570; // one sweeper at a time across nodes
    private static readonly string WakeupType = typeof(DunningWakeup).ToMessageTypeName();
    private long _rearmed;

    /// <summary>Escalations this node found without a live timer and woke, since it started.</summary>
    public long Rearmed => Interlocked.Read(ref _rearmed);

    /// <summary>Per tenant, escalations whose wake-up is overdue by more than the grace, timer or not: the health check's figure.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountOverdueAsync(CancellationToken token)
    {
        var overdue = new Dictionary<string, int>();
        foreach (var tenant in tenants.All)
        {
            await using var session = store.QuerySession(tenant.Id);
            overdue[tenant.Id] = (await OverdueAsync(session, int.MaxValue, token)).Count;
        }

        return overdue;
    }

    /// <returns>How many escalations were woken; 0 when another node is sweeping or a backlog of due timers is still draining.</returns>
    public async Task<int> RunOnceAsync(CancellationToken token = default)
    {
        await using var connection = await databases.Main.OpenConnectionAsync(token);
        if (!await TryLockAsync(connection, token)) return 0;
        try
        {
            var now = clock.GetUtcNow().ToUniversalTime();
            var inboxes = await databases.All();
            long due = 0;
            foreach (var inbox in inboxes) due += await DueWakeupsAsync(inbox, now, token);
            if (due > settings.MaxPendingWakeups) return 0;

            var live = new HashSet<(string? Tenant, string Account)>();
            foreach (var inbox in inboxes) live.UnionWith(await LiveTimersAsync(inbox, now, token));
            await using var scope = scopes.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            var woken = 0;
            foreach (var tenant in tenants.All)
            {
                await using var session = store.QuerySession(tenant.Id);
                foreach (var saga in await OverdueAsync(session, settings.MaxPerRun - woken, token))
                {
                    if (live.Contains((tenant.Id, saga.Id))) continue;
                    logger.LogWarning("Escalation of {Account} (tenant {Tenant}) was due at {DueAt} with no timer waiting; woken by the sweep",
                        saga.Id, tenant.Id, saga.Process!.WakeDueAt);
                    await bus.PublishAsync(new DunningWakeup(saga.Id, saga.Process.Generation), new DeliveryOptions { TenantId = tenant.Id });
                    woken++;
                }
            }

            Interlocked.Add(ref _rearmed, woken);
            return woken;
        }
        finally
        {
            // A broken connection has dropped the lock with it.
            if (connection.State == System.Data.ConnectionState.Open) await Unlock(connection);
        }
    }

    private static async Task Unlock(NpgsqlConnection connection)
    {
        await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection) { Parameters = { new("key", LockKey) } };
        await unlock.ExecuteNonQueryAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled) return;
        using var timer = new PeriodicTimer(settings.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Escalation sweep failed; it runs again in {Interval}", settings.Interval);
            }
        }
    }

    private async Task<List<DunningSaga>> OverdueAsync(IQuerySession session, int max, CancellationToken token)
    {
        var cutoff = clock.GetUtcNow().ToUniversalTime() - settings.Grace;
        var candidates = await session.Query<DunningSaga>()
            .Where(s => s.Process!.NextStepAt < cutoff || s.Process!.PromiseDueAt < cutoff || s.Process!.PlanCheckAt < cutoff)
            .ToListAsync(token);
        return candidates.Where(s => s.Process!.WakeDueAt < cutoff).OrderBy(s => s.Process!.WakeDueAt).Take(max).ToList();
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken token)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection) { Parameters = { new("key", LockKey) } };
        return (bool)(await command.ExecuteScalarAsync(token))!;
    }

    /// <summary>Wake-ups that are due (or already queued) and not yet handled.</summary>
    private static async Task<long> DueWakeupsAsync(NpgsqlDataSource inbox, DateTimeOffset now, CancellationToken token)
    {
        await using var command = inbox.CreateCommand(
            $"""
             select count(*) from {CollectionsSetup.Schema}.wolverine_incoming_envelopes
             where message_type = @type and status <> 'Handled' and (status <> 'Scheduled' or execution_time <= @now)
             """);
        command.Parameters.AddWithValue("type", WakeupType);
        command.Parameters.AddWithValue("now", now);
        return (long)(await command.ExecuteScalarAsync(token))!;
    }

    /// <summary>
    /// The (tenant, account) of every due wake-up waiting in one database's Wolverine inbox. The tenant is read from the
    /// stored envelope and the account from the message in it; there are at most <see cref="SweepSettings.MaxPendingWakeups"/>
    /// of them, or the sweep would not have got this far.
    /// </summary>
    private static async Task<HashSet<(string? Tenant, string Account)>> LiveTimersAsync(NpgsqlDataSource inbox, DateTimeOffset now,
        CancellationToken token)
    {
        await using var command = inbox.CreateCommand(
            $"""
             select body from {CollectionsSetup.Schema}.wolverine_incoming_envelopes
             where message_type = @type and status <> 'Handled' and (status <> 'Scheduled' or execution_time <= @now)
             """);
        command.Parameters.AddWithValue("type", WakeupType);
        command.Parameters.AddWithValue("now", now);
        var live = new HashSet<(string?, string)>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            var envelope = EnvelopeSerializer.Deserialize(reader.GetFieldValue<byte[]>(0));
            using var message = JsonDocument.Parse(envelope.Data);
            if (message.RootElement.TryGetProperty("accountNumber", out var account) && account.GetString() is { } number)
                live.Add((envelope.TenantId, number));
        }

        return live;
    }
}

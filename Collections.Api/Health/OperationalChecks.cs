using Collections.Api.Dunning;
using Collections.Api.Infrastructure;
using Collections.Api.Integration.Outbound;
using Collections.Api.Tenancy;
using Collections.Domain.Dunning.Notices;
using Collections.Projections;
using Collections.Projections.Contacts;
using Collections.Projections.Summaries;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Wolverine.Util;

namespace Collections.Api.Health;

/// <summary>
/// What an operator must hear about before a debtor or a subscriber does. Each check reads PostgreSQL; while a
/// database is unreachable they report Unhealthy without detail (the postgresql check says why): the error's text
/// would name the database, and an own database is named after its tenant.
/// </summary>
public abstract class OperationalCheck : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken token = default)
    {
        try
        {
            return await MeasureAsync(token);
        }
        // Marten wraps the driver's failure (MartenCommandException, whose text is the statement and the server).
        catch (Exception e) when (e is InvalidOperationException || DatabaseUnavailableHandler.IsDatabaseUnavailable(e))
        {
            return HealthCheckResult.Unhealthy("Cannot be measured: the database does not answer.");
        }
    }

    protected abstract Task<HealthCheckResult> MeasureAsync(CancellationToken token);

    protected static HealthCheckResult Report(bool degraded, string description, Dictionary<string, object> data) =>
        new(degraded ? HealthStatus.Degraded : HealthStatus.Healthy, description, data: data);

    protected static string Ago(TimeSpan age) => age <= TimeSpan.Zero ? "0 s" : $"{age.TotalSeconds:F0} s";
}

/// <summary>
/// Events committed but not yet confirmed by the broker: not relayed yet, or waiting in the publish queue. Each
/// database has its own relay, progress and publish queue; the figures are over all of them.
/// </summary>
public sealed class RelayLagCheck(TenantDatabases databases, TimeProvider clock, HealthSettings settings) : OperationalCheck
{
    private static readonly string PublishType = typeof(PublishCloudEvent).ToMessageTypeName();

    protected override async Task<HealthCheckResult> MeasureAsync(CancellationToken token)
    {
        var lag = Lag.None;
        foreach (var database in await databases.All()) lag += await MeasureAsync(database, token);
        var age = lag.Age(clock);
        return Report(lag.Waiting > 0 && age > settings.RelayLag,
            lag.Waiting == 0 ? "Every event is published." : $"{lag.Waiting} event(s) not yet published; the oldest was committed {Ago(age)} ago.",
            new() { ["unpublished"] = lag.Waiting, ["oldestAgeSeconds"] = Math.Max(0, (long)age.TotalSeconds) });
    }

    private static async Task<Lag> MeasureAsync(NpgsqlDataSource database, CancellationToken token)
    {
        await using var command = database.CreateCommand(
            $"""
             with relayed as (
               select coalesce(max(last_seq_id), 0) as upto from {CollectionsSetup.Schema}.mt_event_progression
               where name like '{IntegrationEventRelay.Name}:%'),
             queued as (
               select count(*) as waiting,
                      min(substring(encode(body, 'escape') from '"sequence":([0-9]+)')::bigint) as oldest
               from {CollectionsSetup.Schema}.wolverine_incoming_envelopes
               where message_type = @type and status <> 'Handled'),
             unrelayed as (
               select count(*) as waiting, min(seq_id) as oldest from {CollectionsSetup.Schema}.mt_events, relayed
               where seq_id > relayed.upto and stream_id <> '{StoredEvents.TombstoneStream}')
             select unrelayed.waiting + queued.waiting,
                    (select timestamp from {CollectionsSetup.Schema}.mt_events
                     where seq_id = least(coalesce(queued.oldest, unrelayed.oldest), coalesce(unrelayed.oldest, queued.oldest)))
             from unrelayed, queued
             """);
        command.Parameters.Add(new NpgsqlParameter("type", PublishType));
        return await Lag.ReadAsync(command, token);
    }
}

/// <summary>Per asynchronous read model: events not yet processed, and how long the oldest has waited, over every database.</summary>
public sealed class ProjectionLagCheck(TenantDatabases databases, TimeProvider clock, HealthSettings settings) : OperationalCheck
{
    private static readonly string[] Projections = [nameof(AccountSummary), nameof(ContactHistory)];

    protected override async Task<HealthCheckResult> MeasureAsync(CancellationToken token)
    {
        var data = new Dictionary<string, object>();
        var lagging = new List<string>();
        var all = await databases.All();
        foreach (var projection in Projections)
        {
            var lag = Lag.None;
            foreach (var database in all) lag += await MeasureAsync(database, projection, token);
            var age = lag.Age(clock);
            data[projection] = new { eventsBehind = lag.Waiting, oldestAgeSeconds = Math.Max(0, (long)age.TotalSeconds) };
            if (lag.Waiting > 0 && age > settings.ProjectionLag) lagging.Add($"{projection} is {lag.Waiting} event(s) behind ({Ago(age)})");
        }

        return Report(lagging.Count > 0, lagging.Count == 0 ? "Read models are up to date." : string.Join("; ", lagging) + ".", data);
    }

    private static async Task<Lag> MeasureAsync(NpgsqlDataSource database, string projection, CancellationToken token)
    {
        await using var command = database.CreateCommand(
            $"""
             with done as (
               select coalesce(min(last_seq_id), 0) as upto from {CollectionsSetup.Schema}.mt_event_progression
               where name like @shard)
             select count(*), min(timestamp) from {CollectionsSetup.Schema}.mt_events, done
             where seq_id > done.upto and stream_id <> '{StoredEvents.TombstoneStream}'
             """);
        command.Parameters.Add(new NpgsqlParameter("shard", projection + ":%"));
        return await Lag.ReadAsync(command, token);
    }
}

/// <summary>Messages Wolverine gave up on, in every database (see docs/reliability.md: list and replay them at /api/dead-letters).</summary>
public sealed class DeadLetterCheck(TenantDatabases databases) : OperationalCheck
{
    protected override async Task<HealthCheckResult> MeasureAsync(CancellationToken token)
    {
        long count = 0;
        foreach (var database in await databases.All())
        {
            await using var command = database.CreateCommand(
                $"select count(*) from {CollectionsSetup.Schema}.wolverine_dead_letters where archived_at is null");
            count += (long)(await command.ExecuteScalarAsync(token))!;
        }

        return Report(count > 0, count == 0 ? "No dead letters." : $"{count} dead-lettered message(s) wait for an operator.",
            new() { ["deadLetters"] = count });
    }
}

/// <summary>
/// Escalations whose next step or promise check is overdue past the sweep's grace, every tenant's counted. /health is
/// open to anyone, so it gives the sum, never a tenant's name or share; each tenant's own list is GET /api/obligations.
/// </summary>
public sealed class OverdueEscalationsCheck(EscalationSweep sweep) : OperationalCheck
{
    protected override async Task<HealthCheckResult> MeasureAsync(CancellationToken token)
    {
        var overdue = (await sweep.CountOverdueAsync(token)).Values.Sum();
        return Report(overdue > 0, overdue == 0 ? "Every escalation is on time." : $"{overdue} escalation(s) overdue.",
            new() { ["overdue"] = overdue, ["rearmedBySweep"] = sweep.Rearmed });
    }
}

/// <summary>Consequences announced to a debtor whose deadline passed (beyond the sweep's grace) with nothing done, every tenant's counted.</summary>
public sealed class OverdueObligationsCheck(IDocumentStore store, Tenants tenants, TimeProvider clock, SweepSettings sweep) : OperationalCheck
{
    protected override async Task<HealthCheckResult> MeasureAsync(CancellationToken token)
    {
        var cutoff = clock.GetUtcNow().ToUniversalTime() - sweep.Grace;
        var overdue = 0;
        foreach (var tenant in tenants.All)
        {
            await using var session = store.QuerySession(tenant.Id);
            overdue += await session.Query<Obligation>().CountAsync(o => o.Status == ObligationStatus.Open && o.Deadline < cutoff, token);
        }

        return Report(overdue > 0, overdue == 0 ? "No announced consequence is overdue." : $"{overdue} announced consequence(s) overdue.",
            new() { ["overdue"] = overdue });
    }
}

using System.Text.Json;
using Collections.Api.Tenancy;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Every database answers: the main one and each tenant's own. /health is open to anyone, so it counts them and
/// names none (an own database is named after its tenant).
/// </summary>
public sealed class DatabaseHealthCheck(TenantDatabases databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken token = default)
    {
        var all = await databases.All();
        Exception? failure = null;
        var silent = 0;
        foreach (var database in all)
        {
            try
            {
                await using var command = database.CreateCommand("select 1");
                await command.ExecuteScalarAsync(token);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                failure ??= e;
                silent++;
            }
        }

        var data = new Dictionary<string, object> { ["databases"] = all.Count, ["notAnswering"] = silent };
        return failure is null
            ? HealthCheckResult.Healthy(all.Count == 1 ? "PostgreSQL answers." : $"PostgreSQL answers for all {all.Count} databases.", data)
            : HealthCheckResult.Unhealthy(all.Count == 1 ? "PostgreSQL does not answer." : $"{silent} of {all.Count} databases do not answer.",
                failure, data);
    }

    public static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                // A check that threw has the exception's text as its description: it names hosts, ports and
                // statements, so it is left to the logs, like the exception itself.
                description = e.Value.Exception is { } failure && e.Value.Description == failure.Message
                    ? "The check failed; the service's log says why."
                    : e.Value.Description,
                data = e.Value.Data
            })
        }));
    }
}

using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collections.Api.Telemetry;

/// <summary>
/// The figures behind /health as metrics. ASP.NET Core runs the health checks every 10 s and publishes the
/// report here (<see cref="IHealthCheckPublisher"/>); the gauges read the latest report, so a scrape never
/// queries the database.
/// </summary>
public sealed class OperationalGauges : IHealthCheckPublisher, IDisposable
{
    public const string MeterName = "Collections";
    private readonly Meter _meter = new(MeterName);
    private volatile HealthReport? _latest;

    public OperationalGauges()
    {
        Gauge("collections.relay.unpublished", "{event}", "Events committed but not yet confirmed by the broker.", "relay", "unpublished");
        Gauge("collections.relay.oldest_age", "s", "Age of the oldest event not yet confirmed by the broker.", "relay", "oldestAgeSeconds");
        Gauge("collections.dead_letters", "{message}", "Messages Wolverine gave up on.", "deadLetters", "deadLetters");
        Gauge("collections.escalations.overdue", "{escalation}", "Escalations overdue past the sweep's grace.", "escalations", "overdue");
        Gauge("collections.escalations.rearmed", "{escalation}", "Escalations this node found without a timer and woke.", "escalations", "rearmedBySweep");
        Gauge("collections.obligations.overdue", "{obligation}", "Announced consequences past their deadline, not carried out.", "obligations", "overdue");
        _meter.CreateObservableGauge("collections.projection.lag", () => Projections("eventsBehind"), "{event}",
            "Events an asynchronous read model has not processed yet.");
        _meter.CreateObservableGauge("collections.projection.oldest_age", () => Projections("oldestAgeSeconds"), "s",
            "Age of the oldest event an asynchronous read model has not processed yet.");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        _latest = report;
        return Task.CompletedTask;
    }

    private void Gauge(string name, string unit, string description, string check, string figure) =>
        _meter.CreateObservableGauge<long>(name, () => Figure(check, figure) is { } value ? [new Measurement<long>(value)] : [], unit, description);

    private long? Figure(string check, string figure) =>
        _latest?.Entries.TryGetValue(check, out var entry) == true && entry.Data.TryGetValue(figure, out var value) ? Convert.ToInt64(value) : null;

    private IEnumerable<Measurement<long>> Projections(string figure)
    {
        if (_latest?.Entries.TryGetValue("projections", out var entry) != true) yield break;
        foreach (var (projection, value) in entry.Data)
        {
            var figures = JsonSerializer.SerializeToElement(value);
            yield return new Measurement<long>(figures.GetProperty(figure).GetInt64(), new KeyValuePair<string, object?>("projection", projection));
        }
    }

    public void Dispose() => _meter.Dispose();
}

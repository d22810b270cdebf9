using Collections.Api.Security;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Collections.Api.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics from ASP.NET Core, Npgsql, Marten and Wolverine, plus the service's own
/// operational gauges (<see cref="OperationalGauges"/>). Scraped by Prometheus at /metrics; exported over OTLP
/// when the standard OTEL_EXPORTER_OTLP_ENDPOINT (and OTEL_* friends) is set.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "collections";

    public static WebApplicationBuilder AddCollectionsTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OperationalGauges>();
        builder.Services.AddSingleton<Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher>(s => s.GetRequiredService<OperationalGauges>());
        builder.Services.Configure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(2);
            o.Period = TimeSpan.FromSeconds(10);
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics"))
                .AddNpgsql()
                .AddSource("Wolverine", "Marten"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("Wolverine*", "Marten*", OperationalGauges.MeterName)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();
        return builder;
    }

    public static WebApplication MapCollectionsTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Capability.Administer);
        return app;
    }
}

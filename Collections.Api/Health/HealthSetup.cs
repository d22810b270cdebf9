using Collections.Api.Infrastructure;

namespace Collections.Api.Health;

public static class HealthSetup
{
    /// <summary>/health: the database, then what turns it Degraded (relay, read models, dead letters, overdue work).</summary>
    public static WebApplicationBuilder AddOperationalHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(HealthSettings.From(builder.Configuration));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgresql")
            .AddCheck<RelayLagCheck>("relay")
            .AddCheck<ProjectionLagCheck>("projections")
            .AddCheck<DeadLetterCheck>("deadLetters")
            .AddCheck<OverdueEscalationsCheck>("escalations")
            .AddCheck<OverdueObligationsCheck>("obligations");
        return builder;
    }
}

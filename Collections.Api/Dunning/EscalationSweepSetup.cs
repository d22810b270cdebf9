namespace Collections.Api.Dunning;

public static class EscalationSweepSetup
{
    public static WebApplicationBuilder AddEscalationSweep(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(SweepSettings.From(builder.Configuration));
        builder.Services.AddSingleton<EscalationSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EscalationSweep>());
        return builder;
    }
}

namespace Collections.Api.Health;

/// <summary>Collections:Health: how much lag is still healthy (beyond it, /health says Degraded).</summary>
public sealed record HealthSettings(TimeSpan RelayLag, TimeSpan ProjectionLag)
{
    public const string Section = "Collections:Health";

    public static HealthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new HealthSettings(section.GetValue("RelayLag", TimeSpan.FromSeconds(30)),
            section.GetValue("ProjectionLag", TimeSpan.FromSeconds(30)));
    }
}

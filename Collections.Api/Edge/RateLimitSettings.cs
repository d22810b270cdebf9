namespace Collections.Api.Edge;

/// <summary>How many requests one caller of a tier may send per window, and how many may wait for the next one.</summary>
public sealed record RateLimit(int PermitLimit, TimeSpan Window, int QueueLimit);

/// <summary>
/// <c>Collections:RateLimits</c>: a fixed window per caller (see <see cref="CallerPartition"/>), with its own limit for
/// each tier. Integrations (billing, order services: API keys and the <c>integration</c> role) send in bulk, so they
/// get more and may queue; a person gets plenty for a dashboard and a script; an anonymous address gets little,
/// since it can reach only the open endpoints and refusals.
/// </summary>
public sealed record RateLimitSettings(RateLimit Users, RateLimit Integrations, RateLimit Anonymous)
{
    public const string Section = "Collections:RateLimits";

    public static readonly RateLimitSettings Defaults = new(
        Users: new RateLimit(600, TimeSpan.FromMinutes(1), 0),
        Integrations: new RateLimit(6000, TimeSpan.FromMinutes(1), 100),
        Anonymous: new RateLimit(120, TimeSpan.FromMinutes(1), 0));

    public RateLimit For(CallerTier tier) => tier switch
    {
        CallerTier.User => Users,
        CallerTier.Integration => Integrations,
        _ => Anonymous
    };

    public static RateLimitSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new RateLimitSettings(Read(section, nameof(Users), Defaults.Users),
            Read(section, nameof(Integrations), Defaults.Integrations), Read(section, nameof(Anonymous), Defaults.Anonymous));
    }

    private static RateLimit Read(IConfigurationSection parent, string name, RateLimit defaults)
    {
        var section = parent.GetSection(name);
        var limit = new RateLimit(section.GetValue(nameof(RateLimit.PermitLimit), defaults.PermitLimit),
            section.GetValue(nameof(RateLimit.Window), defaults.Window), section.GetValue(nameof(RateLimit.QueueLimit), defaults.QueueLimit));
        if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero || limit.QueueLimit < 0)
            throw new InvalidOperationException(
                $"{section.Path}: PermitLimit must be at least 1, Window above 00:00:00 and QueueLimit 0 or more (got {limit}).");
        return limit;
    }
}

using Collections.Api.Edge;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Tests.Support;

/// <summary>
/// Limits no test comes near, for every host the suite starts (in this process and as a child process): only the
/// rate-limit tests, which set tiny limits of their own, are ever throttled.
/// </summary>
public static class GenerousRateLimits
{
    private const int Permits = 1_000_000;
    private static readonly RateLimit Limit = new(Permits, TimeSpan.FromMinutes(1), 0);

    public static readonly RateLimitSettings Settings = new(Limit, Limit, Limit);

    /// <summary>Registered after the API's own settings, so it is the one resolved.</summary>
    public static IServiceCollection UseGenerousRateLimits(this IServiceCollection services) => services.AddSingleton(Settings);

    /// <summary>The same as environment variables, for an API run as a process (<see cref="ApiProcess"/>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> AsEnvironment() =>
        new[] { nameof(RateLimitSettings.Users), nameof(RateLimitSettings.Integrations), nameof(RateLimitSettings.Anonymous) }
            .Select(tier => KeyValuePair.Create(
                $"{RateLimitSettings.Section.Replace(":", "__")}__{tier}__{nameof(RateLimit.PermitLimit)}", Permits.ToString()));
}

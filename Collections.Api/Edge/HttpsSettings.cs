using System.Net;

namespace Collections.Api.Edge;

/// <summary>
/// Deployment behind a reverse proxy that terminates TLS (docs/deployment.md). <c>Collections:Proxy</c> names the
/// proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (the client's address then feeds
/// the anonymous rate limit, the scheme HSTS and the redirect); anyone else's are ignored. <c>Collections:Https</c>
/// switches on HSTS and the redirect of plain HTTP. All off by default, for a developer on http://127.0.0.1.
/// </summary>
public sealed record HttpsSettings(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<IPNetwork> KnownNetworks,
    int ForwardLimit, bool Redirect, int Port, bool Hsts, TimeSpan HstsMaxAge, bool HstsIncludeSubDomains)
{
    public const string ProxySection = "Collections:Proxy";
    public const string HttpsSection = "Collections:Https";

    public bool BehindProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public static HttpsSettings From(IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ProxySection);
        var https = configuration.GetSection(HttpsSection);
        return new HttpsSettings(
            Parse(proxy, "KnownProxies", IPAddress.Parse), Parse(proxy, "KnownNetworks", IPNetwork.Parse),
            proxy.GetValue("ForwardLimit", 1),
            https.GetValue("Redirect", false), https.GetValue("Port", 443),
            https.GetValue("Hsts", false), https.GetValue("HstsMaxAge", TimeSpan.FromDays(365)),
            https.GetValue("HstsIncludeSubDomains", false));
    }

    private static IReadOnlyList<T> Parse<T>(IConfigurationSection section, string key, Func<string, T> parse) =>
        section.GetSection(key).Get<string[]>()?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
        {
            try
            {
                return parse(v.Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{section.Path}:{key}: '{v}' is not an IP address or a network (10.0.0.0/8).");
            }
        }).ToList() ?? [];
}

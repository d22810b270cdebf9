using System.Security.Claims;
using System.Text.Encodings.Web;
using Collections.Api.Tenancy;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Collections.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: ApiKey {key}</c> or <c>X-Api-Key: {key}</c>. Hand-written because no
/// maintained API-key handler is served here; it is a thin <see cref="AuthenticationHandler{TOptions}"/> over
/// the stored hashes, so everything after it (roles, policies, the actor on events) is the same as for tokens.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IDocumentStore store, IMemoryCache cache, AuthSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyIdClaim = "api_key";

    /// <summary>How long a looked-up key is trusted before the store is asked again (so a revocation takes this long).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public static string CacheKey(string id) => $"api-key:{id}";

    public static bool IsPresented(HttpRequest request) =>
        request.Headers.ContainsKey(Header) ||
        request.Headers.Authorization.ToString().StartsWith($"{SchemeName} ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers.TryGetValue(Header, out var header)
            ? header.ToString()
            : Request.Headers.Authorization.ToString() is var authorization && authorization.Length > SchemeName.Length + 1
                ? authorization[(SchemeName.Length + 1)..]
                : "";
        if (string.IsNullOrEmpty(presented)) return AuthenticateResult.NoResult();
        if (!ApiKeySecrets.TryParse(presented.Trim(), out var id, out var secret)) return AuthenticateResult.Fail("The API key is malformed.");

        var key = await cache.GetOrCreateAsync(CacheKey(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var session = store.QuerySession(GlobalDocuments.Session);
            return await session.LoadAsync<ApiKey>(id, Context.RequestAborted);
        });
        if (key is null || key.RevokedAt is not null || !ApiKeySecrets.Matches(secret, key.SecretHash))
            return AuthenticateResult.Fail("The API key is unknown or revoked.");

        var claims = new List<Claim>
        {
            new("sub", $"api-key:{key.Id}"),
            new(settings.UserNameClaim, $"api-key:{key.Id}"),
            new(settings.NameClaim, key.Name),
            new(KeyIdClaim, key.Id)
        };
        claims.AddRange(key.Roles.Select(role => new Claim(settings.RoleClaim, role)));
        if (key.Tenant is { } tenant) claims.Add(new Claim(settings.TenantClaim, tenant));
        var identity = new ClaimsIdentity(claims, SchemeName, settings.NameClaim, settings.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

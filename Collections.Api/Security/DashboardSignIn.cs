using System.Security.Claims;
using Collections.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Api.Security;

/// <summary>What the dashboard's sign-in needs: the issuer to send people to, or the development sign-in.</summary>
/// <param name="Mode"><c>issuer</c> (authorization code with PKCE at <paramref name="Authority"/>), <c>development</c>
/// (the sign-in form) or <c>token</c> (paste a bearer token).</param>
public sealed record SignInConfiguration(string Mode, string? Authority, string? ClientId, string? Scope, IReadOnlyList<string> Roles);

public sealed record DevelopmentSignInRequest(string Role, string Name, string? Tenant);

public sealed record DevelopmentSignInToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>The caller as the service sees them, so the dashboard shows what they may see and offers what they may do.</summary>
/// <param name="User">The id on events, matched against an account's <c>collector</c>.</param>
/// <param name="Capabilities">The <see cref="Capability"/> policies the caller's roles are granted.</param>
/// <param name="WorksAnyAccount">False for a collector: <see cref="Capability.Collect"/> only on their own accounts.</param>
public sealed record SignedInCaller(string User, string Name, IReadOnlyList<string> Roles, string? Tenant,
    IReadOnlyList<string> Capabilities, bool WorksAnyAccount);

public static class DashboardSignIn
{
    public const string ConfigurationPath = "/auth/config";
    public const string DevelopmentTokenPath = "/auth/dev/token";
    public const string CallerPath = "/auth/me";
    private static readonly TimeSpan DevelopmentTokenLifetime = TimeSpan.FromHours(12);

    public static WebApplication MapDashboardSignIn(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AuthSettings>();
        var configuration = settings.UsesIssuer
            ? new SignInConfiguration("issuer", settings.Authority, settings.DashboardClientId, settings.DashboardScope, Roles.All)
            : new SignInConfiguration(settings.DevelopmentSignIn ? "development" : "token", null, null, null, Roles.All);
        app.MapGet(ConfigurationPath, () => configuration).AllowAnonymous().ExcludeFromDescription();

        // Any valid token or key, whatever its roles: 401 sends the dashboard back to its sign-in.
        app.MapGet(CallerPath, (ClaimsPrincipal user, Caller caller) => new SignedInCaller(caller.Actor.Id, caller.Actor.Name,
                user.FindAll(settings.RoleClaim).Select(c => c.Value).Distinct().ToList(), caller.Tenant,
                Capability.Grants.Where(g => g.Value.Any(user.IsInRole)).Select(g => g.Key).ToList(), Callers.WorksAnyAccount(user)))
            .RequireAuthorization(p => p.RequireAuthenticatedUser()).ExcludeFromDescription();

        if (settings.DevelopmentSignIn)
            app.MapPost(DevelopmentTokenPath, ([FromBody] DevelopmentSignInRequest request) =>
                {
                    var errors = new Dictionary<string, string[]>();
                    if (!Roles.All.Contains(request.Role)) errors["role"] = [$"must be one of {string.Join(", ", Roles.All)}."];
                    if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > InputLimits.Name)
                        errors["name"] = [$"is required, at most {InputLimits.Name} characters."];
                    if (request.Tenant is { Length: 0 or > InputLimits.Identifier }) errors["tenant"] = ["must be a tenant id."];
                    if (errors.Count > 0) return Results.ValidationProblem(errors);

                    // The clock token validation reads, not the domain's TimeProvider (which tests move years ahead).
                    var now = DateTimeOffset.UtcNow;
                    var key = DevelopmentTokens.LoadOrCreateKey(settings.DevelopmentSigningKeyFile!);
                    var name = request.Name.Trim();
                    // The same user id as `./collections token --name`: "Amy Chen" works amy.chen's accounts.
                    var token = DevelopmentTokens.Mint(key, new TokenRequest(DevelopmentTokens.UserNameFor(name), name, [request.Role],
                        request.Tenant, now + DevelopmentTokenLifetime), settings, now);
                    return Results.Ok(new DevelopmentSignInToken(token, now + DevelopmentTokenLifetime));
                })
                .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

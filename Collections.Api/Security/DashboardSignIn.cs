using Collections.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Api.Security;

/// <summary>What the dashboard's sign-in needs: the issuer to send people to, or the development sign-in.</summary>
public sealed record SignInConfiguration(string Mode, string? Authority, string? ClientId, string? Scope, IReadOnlyList<string> Roles);

public sealed record DevelopmentSignInRequest(string Role, string Name, string? Tenant);

public sealed record DevelopmentSignInToken(string Token, DateTimeOffset ExpiresAt);

public static class DashboardSignIn
{
    public const string ConfigurationPath = "/auth/config";
    public const string DevelopmentTokenPath = "/auth/dev/token";
    private static readonly TimeSpan DevelopmentTokenLifetime = TimeSpan.FromHours(12);

    public static WebApplication MapDashboardSignIn(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AuthSettings>();
        var configuration = settings.UsesIssuer
            ? new SignInConfiguration("issuer", settings.Authority, settings.DashboardClientId, settings.DashboardScope, Roles.All)
            : new SignInConfiguration(settings.DevelopmentSignIn ? "development" : "token", null, null, null, Roles.All);
        app.MapGet(ConfigurationPath, () => configuration).AllowAnonymous().ExcludeFromDescription();

        if (settings.DevelopmentSignIn)
            app.MapPost(DevelopmentTokenPath, ([FromBody] DevelopmentSignInRequest request, TimeProvider clock) =>
                {
                    var errors = new Dictionary<string, string[]>();
                    if (!Roles.All.Contains(request.Role)) errors["role"] = [$"must be one of {string.Join(", ", Roles.All)}."];
                    if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > InputLimits.Name)
                        errors["name"] = [$"is required, at most {InputLimits.Name} characters."];
                    if (request.Tenant is { Length: 0 or > InputLimits.Identifier }) errors["tenant"] = ["must be a tenant id."];
                    if (errors.Count > 0) return Results.ValidationProblem(errors);

                    var now = clock.GetUtcNow();
                    var key = DevelopmentTokens.LoadOrCreateKey(settings.DevelopmentSigningKeyFile!);
                    var user = request.Name.Trim();
                    var token = DevelopmentTokens.Mint(key,
                        new TokenRequest(user, user, [request.Role], request.Tenant, now + DevelopmentTokenLifetime), settings, now);
                    return Results.Ok(new DevelopmentSignInToken(token, now + DevelopmentTokenLifetime));
                })
                .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Collections.Api.Security;

/// <summary>
/// Who is calling: bearer tokens from an OpenID Connect issuer (or the development issuer) and API keys, both
/// with ASP.NET Core's own handlers and policies. Every endpoint needs a capability (<see cref="Capability"/>);
/// one that names none falls back to admin only, so a forgotten endpoint is closed, not open.
/// </summary>
public static class AuthenticationSetup
{
    private const string BearerOrApiKey = "BearerOrApiKey";

    public static WebApplicationBuilder AddCollectionsAuthentication(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationRefusals>();

        builder.Services.AddAuthentication(BearerOrApiKey)
            .AddPolicyScheme(BearerOrApiKey, "Bearer token or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthentication.IsPresented(context.Request) ? ApiKeyAuthentication.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddJwtBearer(o => ConfigureBearer(o, settings));

        builder.Services.AddAuthorization(o =>
        {
            foreach (var (capability, roles) in Capability.Grants)
                o.AddPolicy(capability, p => p.RequireAuthenticatedUser().RequireRole(roles));
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Admin).Build();
        });
        return builder;
    }

    private static void ConfigureBearer(JwtBearerOptions o, AuthSettings settings)
    {
        // Claims keep the names the issuer gave them ("sub", "roles"), not WS-Federation URIs.
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            NameClaimType = settings.NameClaim,
            RoleClaimType = settings.RoleClaim,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30)
        };
        if (settings.UsesIssuer)
        {
            o.Authority = settings.Authority;
            o.Audience = settings.Audience;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        }
        else
        {
            o.TokenValidationParameters.ValidIssuer = AuthSettings.DevelopmentIssuer;
            o.TokenValidationParameters.ValidAudience = AuthSettings.DevelopmentAudience;
            o.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.LoadOrCreateKey(settings.DevelopmentSigningKeyFile!);
        }

        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                // The actor on every event comes from here: a token that names nobody, or names the policy, acts for nobody.
                if (Callers.TryActor(context.Principal!, settings) is null) context.Fail("The token names no user (sub).");
                return Task.CompletedTask;
            }
        };
    }
}

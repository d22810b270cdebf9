using System.Net;
using System.Security.Claims;
using Collections.Api.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Collections.Tests.Dashboard;

/// <summary>
/// A small, real OpenID Connect issuer (OpenIddict) on Kestrel at a free loopback port, standing in for Keycloak
/// or Entra ID: discovery, keys, one public client (the dashboard) allowed only the authorization code flow with
/// PKCE, JWT access tokens for the API's audience, an end-session endpoint, and CORS for the dashboard's origin as
/// a real issuer's "web origins" setting gives. Its sign-in page asks for a name and a role, no password.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string ClientId = "collections-dashboard";
    public const string Audience = "collections";

    private readonly WebApplication _app;

    /// <summary>Every authorization request's code_challenge_method, as the issuer received it.</summary>
    public List<string?> ChallengeMethods { get; } = [];

    /// <summary>How many times a session was ended at the end-session endpoint.</summary>
    public int EndedSessions { get; private set; }

    private TestIssuer()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCors();
        var database = $"issuer-{Guid.NewGuid()}"; // one store for the issuer's lifetime, not one per request
        builder.Services.AddDbContext<DbContext>(o => o.UseInMemoryDatabase(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // The API reads the access token itself (a JWT signed with the keys the discovery document lists).
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        _app = builder.Build();
        // CORS before OpenIddict, which answers discovery and the token endpoint inside the authentication middleware.
        _app.UseCors(p => p.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
        _app.UseAuthentication();
        _app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)Authorize);
        _app.MapMethods("/connect/logout", ["GET", "POST"], () =>
        {
            EndedSessions++;
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
    }

    public string Url => _app.Urls.Single();

    public static async Task<TestIssuer> Start()
    {
        var issuer = new TestIssuer();
        await issuer._app.StartAsync();
        await using var scope = issuer._app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbContext>().Database.EnsureCreatedAsync();
        return issuer;
    }

    /// <summary>The dashboard's client, registered once the API's address (its redirect URI) is known.</summary>
    public async Task RegisterDashboard(string redirectUri)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            RedirectUris = { new Uri(redirectUri) },
            PostLogoutRedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange }
        });
    }

    // GET: the sign-in page, carrying the authorization request along; POST: the person is who they say.
    private async Task<IResult> Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()!;
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            ChallengeMethods.Add(request.CodeChallengeMethod);
            return Results.Content(SignInPage(request), "text/html");
        }

        var form = await context.Request.ReadFormAsync();
        var name = form["display_name"].ToString();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, "roles");
        identity.AddClaim(new Claim(Claims.Subject, form["user"].ToString()));
        identity.AddClaim(new Claim(Claims.PreferredUsername, form["user"].ToString()));
        identity.AddClaim(new Claim(Claims.Name, name));
        identity.AddClaim(new Claim("roles", form["role"].ToString()));
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        principal.SetResources(Audience);
        principal.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string SignInPage(OpenIddictRequest request)
    {
        var carried = string.Concat(request.GetParameters().Select(p =>
            $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode(p.Value.ToString())}\">"));
        return $"""
            <!doctype html><html><head><title>Test issuer</title></head><body>
            <form method="post" id="issuer-sign-in">{carried}
              <input name="display_name" id="display_name"> <input name="user" id="user">
              <select name="role" id="role">{string.Concat(Roles.All.Select(r => $"<option value=\"{r}\">{r}</option>"))}</select>
              <button type="submit" id="issuer-submit">Sign in</button>
            </form></body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

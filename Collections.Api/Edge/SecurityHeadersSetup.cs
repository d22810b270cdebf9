using Collections.Api.Contracts;
using Collections.Api.Infrastructure;
using Collections.Api.Security;
using NetEscapades.AspNetCore.SecurityHeaders.Headers.ContentSecurityPolicy;

namespace Collections.Api.Edge;

/// <summary>
/// The security headers of every answer (NetEscapades.AspNetCore.SecurityHeaders), chosen by path: JSON answers
/// may run and embed nothing; the dashboard runs only its own files; the API reference page (Scalar) needs inline
/// scripts and styles. Every answer under /api carries personal or financial data, so none may be cached.
/// </summary>
/// <remarks>HSTS is not here: it is switched on for deployment with <see cref="HttpsSetup"/>.</remarks>
public static class SecurityHeadersSetup
{
    private const string Api = "api";
    private const string Dashboard = "dashboard";
    private const string Reference = "reference";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        // The dashboard signs in at the OpenID Connect issuer and fetches its token there (authorization code with PKCE).
        var issuer = Uri.TryCreate(builder.Configuration[$"{AuthSettings.Section}:{nameof(AuthSettings.Authority)}"], UriKind.Absolute, out var authority)
            ? authority.GetLeftPart(UriPartial.Authority)
            : null;
        builder.Services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(p => Common(p).AddContentSecurityPolicy(NothingToRun))
            .AddPolicy(Api, p => Common(p).AddContentSecurityPolicy(NothingToRun).AddCustomHeader("Cache-Control", "no-store"))
            .AddPolicy(Dashboard, p => Common(p).AddContentSecurityPolicy(csp => OwnFilesOnly(csp, issuer)))
            .AddPolicy(Reference, p => Common(p).AddContentSecurityPolicy(ScalarPage))
            .SetPolicySelector(selection =>
            {
                var path = selection.HttpContext.Request.Path;
                var name = path.StartsWithSegments("/api") ? Api
                    : path.StartsWithSegments(DashboardSetup.Path.TrimEnd('/')) ? Dashboard
                    : path.StartsWithSegments(ContractsSetup.ReferencePath) ? Reference
                    : null;
                return name is null ? selection.DefaultPolicy : selection.ConfiguredPolicies[name];
            });
        // "Server: Kestrel" tells an attacker which exploits to try, and a client nothing.
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        return builder;
    }

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyNoReferrer()
        .AddFrameOptionsDeny()
        .AddCrossOriginOpenerPolicy(x => x.SameOrigin())
        .AddCrossOriginResourcePolicy(x => x.SameOrigin())
        // The library's default list names web-share, which Chromium reports as an error on every page.
        .AddPermissionsPolicy(p =>
        {
            p.AddCamera().None();
            p.AddMicrophone().None();
            p.AddGeolocation().None();
            p.AddPayment().None();
            p.AddUsb().None();
            p.AddDisplayCapture().None();
        });

    private static void NothingToRun(CspBuilder csp)
    {
        csp.AddDefaultSrc().None();
        csp.AddFrameAncestors().None();
    }

    /// <summary>
    /// wwwroot/dashboard: ES modules, Chart.js, oidc-client-ts and a stylesheet, all from this origin, no inline
    /// code; it talks to this API and, when one is configured, to the issuer it signs in at.
    /// </summary>
    private static void OwnFilesOnly(CspBuilder csp, string? issuer)
    {
        csp.AddDefaultSrc().Self();
        csp.AddScriptSrc().Self();
        csp.AddStyleSrc().Self();
        csp.AddImgSrc().Self();
        var connect = csp.AddConnectSrc().Self();
        if (issuer is not null)
        {
            connect.From(issuer);
            // oidc-client-ts renews a token in a hidden frame at the issuer.
            csp.AddFrameSrc().From(issuer);
        }
        csp.AddObjectSrc().None();
        csp.AddBaseUri().None();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
    }

    /// <summary>
    /// Scalar's page starts itself with an inline module and styles itself inline; its icons are data: URIs. It
    /// loads nothing from elsewhere (its default web fonts are switched off in <see cref="ContractsSetup"/>).
    /// </summary>
    private static void ScalarPage(CspBuilder csp)
    {
        csp.AddDefaultSrc().Self();
        csp.AddScriptSrc().Self().UnsafeInline();
        csp.AddStyleSrc().Self().UnsafeInline();
        csp.AddImgSrc().Self().Data();
        csp.AddFontSrc().Self().Data();
        csp.AddConnectSrc().Self();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
    }
}

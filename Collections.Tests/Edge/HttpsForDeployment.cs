using System.Net;
using System.Text.Json;
using Collections.Api.Edge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Collections.Tests.Edge;

/// <summary>
/// <see cref="HttpsSetup"/> behind a TLS-terminating proxy: the named proxy's X-Forwarded-For and -Proto are
/// believed, anyone else's ignored; HSTS and the redirect of plain HTTP only when switched on. A bare ASP.NET Core
/// host with just this part of the pipeline (no database needed).
/// </summary>
public sealed class HttpsForDeployment
{
    private const string Proxy = "10.0.0.5";
    private const string Client = "198.51.100.7";
    private const string Stranger = "203.0.113.50";

    private static readonly Dictionary<string, string?> Deployed = new()
    {
        [$"{HttpsSettings.ProxySection}:KnownProxies:0"] = Proxy,
        [$"{HttpsSettings.HttpsSection}:Redirect"] = "true",
        [$"{HttpsSettings.HttpsSection}:Hsts"] = "true",
        [$"{HttpsSettings.HttpsSection}:HstsMaxAge"] = "180.00:00:00"
    };

    [Fact]
    public async Task by_default_nothing_is_forwarded_redirected_or_pinned()
    {
        await using var app = await Start(new());
        var answer = await Send(app, from: Proxy, forwardedFor: Client, forwardedProto: "https");
        answer.Response.StatusCode.ShouldBe(200);
        answer.Response.Headers.ContainsKey("Strict-Transport-Security").ShouldBeFalse();
        Seen(answer).ShouldBe(("http", Proxy));
    }

    [Fact]
    public async Task behind_the_named_proxy_https_is_pinned_and_plain_http_redirected()
    {
        await using var app = await Start(Deployed);

        var secure = await Send(app, from: Proxy, forwardedFor: Client, forwardedProto: "https");
        secure.Response.StatusCode.ShouldBe(200);
        Seen(secure).ShouldBe(("https", Client), "the client's address and scheme, as the proxy saw them");
        secure.Response.Headers["Strict-Transport-Security"].ToString().ShouldBe($"max-age={(int)TimeSpan.FromDays(180).TotalSeconds}");

        var plain = await Send(app, from: Proxy, forwardedFor: Client, forwardedProto: "http");
        plain.Response.StatusCode.ShouldBe(StatusCodes.Status308PermanentRedirect);
        plain.Response.Headers.Location.ToString().ShouldBe("https://collections.example/probe");
    }

    [Fact]
    public async Task anyone_else_cannot_claim_an_address_or_https()
    {
        await using var app = await Start(Deployed);
        var answer = await Send(app, from: Stranger, forwardedFor: "192.0.2.1", forwardedProto: "https");
        answer.Response.StatusCode.ShouldBe(StatusCodes.Status308PermanentRedirect, "still plain HTTP: redirected");
        answer.Response.Headers.ContainsKey("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public void a_proxy_that_is_not_an_address_stops_start_up_naming_the_setting() =>
        Should.Throw<InvalidOperationException>(() => HttpsSettings.From(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [$"{HttpsSettings.ProxySection}:KnownNetworks:0"] = "10.0.0.0/99" }).Build()))
            .Message.ShouldContain("Collections:Proxy:KnownNetworks");

    private static async Task<WebApplication> Start(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHttpsForDeployment();
        var app = builder.Build();
        app.UseHttpsForDeployment();
        app.MapGet("/probe", (HttpContext c) => new { scheme = c.Request.Scheme, address = c.Connection.RemoteIpAddress?.ToString() });
        await app.StartAsync();
        return app;
    }

    private static Task<HttpContext> Send(WebApplication app, string from, string forwardedFor, string forwardedProto) =>
        app.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Scheme = "http";
            // HSTS leaves localhost alone: a real host name, as the proxy passes it on.
            c.Request.Host = new HostString("collections.example");
            c.Request.Path = "/probe";
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });

    private static (string Scheme, string Address) Seen(HttpContext answer)
    {
        using var seen = JsonDocument.Parse(answer.Response.Body);
        return (seen.RootElement.GetProperty("scheme").GetString()!, seen.RootElement.GetProperty("address").GetString()!);
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Alba;
using Collections.Api.Security;
using Collections.Tests.Api;
using Collections.Tests.Support;

namespace Collections.Tests.Edge;

/// <summary>
/// ASP.NET Core's rate limiter with the tiny limits of <see cref="EdgeHost"/>: a person, an integration and an
/// anonymous address each get their own window. Past it, 429 problem details with Retry-After, nothing done; other
/// callers carry on; after the window, the same caller is served again.
/// </summary>
[Collection(EdgeCollection.Name)]
public sealed class RateLimits(EdgeHost edge)
{
    private IAlbaHost Host => edge.Host;
    private static readonly WriteEndpoint Open = WriteEndpoint.Named("open account");
    private static readonly WriteEndpoint Invoice = WriteEndpoint.Named("issue invoice");

    [Fact]
    public async Task a_person_past_their_limit_hears_429_with_retry_after_and_nothing_is_written_until_the_window_passes()
    {
        await WarmUp();
        var alice = Tokens.For(Roles.Admin, "alice", tenant: EdgeHost.North);
        (await Send("PUT", Open.Url("RL-1"), alice, Open.ValidBody)).Status.ShouldBe(201);
        (await Send("GET", "/api/accounts/RL-1", alice)).Status.ShouldBe(200);
        (await Send("GET", "/api/accounts/RL-1", alice)).Status.ShouldBe(200);

        var before = await Host.EventStoreMark();
        var refused = await Send("POST", Invoice.Url("RL-1"), alice, Invoice.ValidBody);
        var retryAfter = ShouldBeThrottled(refused, EdgeHost.Users.Window);
        (await Host.EventStoreMark()).ShouldBe(before, "a refused write appends nothing to mt_events");

        // Everyone else carries on: another person of the tenant, the same subject in another tenant, an address.
        (await Send("GET", "/api/accounts/RL-1", Tokens.For(Roles.Admin, "bob", tenant: EdgeHost.North))).Status.ShouldBe(200);
        (await Send("GET", "/api/accounts/RL-1", Tokens.For(Roles.Admin, "alice", tenant: EdgeHost.South))).Status
            .ShouldBe(404, "her namesake is served: that tenant has no such account");
        (await Send("GET", "/health", null, ip: "198.51.100.1")).Status.ShouldNotBe(429);

        await Task.Delay(TimeSpan.FromSeconds(retryAfter) + TimeSpan.FromMilliseconds(200));
        (await Send("POST", Invoice.Url("RL-1"), alice, Invoice.ValidBody)).Status.ShouldBe(200, "served again after the window");
        (await Host.EventStoreMark()).Rows.ShouldBeGreaterThan(before.Rows);
    }

    [Fact]
    public async Task integrations_have_a_larger_limit_and_a_queue_of_their_own()
    {
        var key = await CreateApiKey();
        for (var i = 0; i < EdgeHost.Integrations.PermitLimit; i++)
            (await SendWithKey(key)).Status.ShouldBe(200, $"request {i + 1} of the integration's {EdgeHost.Integrations.PermitLimit}");

        // One more waits in the queue for the next window; the one after it finds the queue full.
        var queued = Stopwatch.StartNew();
        var waiting = SendWithKey(key);
        await Task.Delay(200);
        var overflow = await SendWithKey(key);
        ShouldBeThrottled(overflow, EdgeHost.Integrations.Window);
        (await waiting).Status.ShouldBe(200, "the queued request is served once the window passes");
        queued.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1));

        // A token with the integration role counts as an integration too: more than a person's 3.
        var feed = Tokens.For(Roles.Integration, "billing-feed", tenant: EdgeHost.North);
        for (var i = 0; i < EdgeHost.Users.PermitLimit + 1; i++)
            (await Send("GET", "/api/events?limit=1", feed)).Status.ShouldBe(200);
    }

    [Fact]
    public async Task anonymous_callers_are_counted_per_address_refusals_included()
    {
        for (var i = 0; i < EdgeHost.Anonymous.PermitLimit; i++)
            (await Send("GET", "/health", null, ip: "198.51.100.20")).Status.ShouldNotBe(429);
        ShouldBeThrottled(await Send("GET", "/health", null, ip: "198.51.100.20"), EdgeHost.Anonymous.Window);
        (await Send("GET", "/health", null, ip: "198.51.100.21")).Status.ShouldNotBe(429, "another address has its own window");

        // 401s count: someone guessing tokens is throttled like anyone without one.
        string?[] guesses = [null, "Bearer not.a.token", Tokens.ForgedAdmin()];
        for (var g = 0; g < guesses.Length; g++)
        {
            var address = $"198.51.100.{30 + g}";
            for (var i = 0; i < EdgeHost.Anonymous.PermitLimit; i++)
                (await Send("GET", "/api/accounts/RL-1", guesses[g], ip: address)).Status.ShouldBe(401);
            ShouldBeThrottled(await Send("GET", "/api/accounts/RL-1", guesses[g], ip: address), EdgeHost.Anonymous.Window);
        }

        // One IPv6 host owns a /64: its addresses share a window.
        for (var i = 1; i <= EdgeHost.Anonymous.PermitLimit; i++)
            (await Send("GET", "/health", null, ip: $"2001:db8:0:7::{i}")).Status.ShouldNotBe(429);
        ShouldBeThrottled(await Send("GET", "/health", null, ip: "2001:db8:0:7::99"), EdgeHost.Anonymous.Window);
        (await Send("GET", "/health", null, ip: "2001:db8:0:8::1")).Status.ShouldNotBe(429);
    }

    /// <returns>The Retry-After seconds.</returns>
    private static int ShouldBeThrottled(Answer answer, TimeSpan window)
    {
        answer.Status.ShouldBe(429, answer.Body);
        answer.ContentType.ShouldStartWith("application/problem+json");
        var retryAfter = int.Parse(answer.Headers["Retry-After"].ShouldNotBeNull());
        retryAfter.ShouldBeInRange(1, (int)Math.Ceiling(window.TotalSeconds));
        using var problem = JsonDocument.Parse(answer.Body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        problem.RootElement.GetProperty("title").GetString().ShouldBe("Too many requests");
        problem.RootElement.GetProperty("detail").GetString()!.ShouldContain($"Retry in {retryAfter} seconds");
        answer.Headers["X-Content-Type-Options"].ShouldBe("nosniff", "a 429 carries the security headers too");
        answer.Body.ShouldNameNothingInternal();
        return retryAfter;
    }

    /// <summary>The first request to an endpoint compiles its handler: not inside a five-second window.</summary>
    private async Task WarmUp()
    {
        var warm = Tokens.For(Roles.Admin, "warm-up", tenant: EdgeHost.North);
        await Send("PUT", Open.Url("RL-0"), warm, Open.ValidBody);
        await Send("GET", "/api/accounts/RL-0", warm);
        await Send("POST", Invoice.Url("RL-0"), warm, Invoice.ValidBody);
    }

    private async Task<string> CreateApiKey()
    {
        var created = await Send("POST", "/api/api-keys", Tokens.For(Roles.Admin, "key-issuer", tenant: EdgeHost.North), """{"name":"Billing feed","roles":["integration"]}""");
        created.Status.ShouldBe(201, created.Body);
        return JsonDocument.Parse(created.Body).RootElement.GetProperty("key").GetString()!;
    }

    private Task<Answer> SendWithKey(string key) =>
        Send("GET", "/api/events?limit=1", null, headers: new() { [ApiKeyAuthentication.Header] = key });

    private sealed record Answer(int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body);

    private async Task<Answer> Send(string method, string url, string? authorization, string? body = null, string? ip = null,
        Dictionary<string, string>? headers = null)
    {
        var result = await Host.Scenario(x =>
        {
            switch (method)
            {
                case "PUT": x.Put.Text(body!).ToUrl(url); break;
                case "POST": x.Post.Text(body!).ToUrl(url); break;
                default: x.Get.Url(url); break;
            }

            if (body is not null) x.WithRequestHeader("Content-Type", "application/json");
            if (authorization is not null) x.WithRequestHeader("Authorization", authorization);
            foreach (var (name, value) in headers ?? []) x.WithRequestHeader(name, value);
            if (ip is not null) x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(ip));
            x.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        return new Answer(response.StatusCode, response.ContentType,
            response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), await result.ReadAsTextAsync());
    }
}

using Alba;
using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Tests.Api;
using Collections.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Tests.Security;

/// <summary>
/// docs/security.md's role table, row by row: each role gets what the table says, a collector only on their own
/// accounts, and no token, an expired one, one for another audience or one with a forged signature gets 401.
/// A refusal writes nothing and shows nothing of the account.
/// </summary>
public class EveryEndpointEveryRole(AppFixture fixture) : ApiContext(fixture)
{
    public static TheoryData<string> Rows => new(RoleRule.FromDocs().Select(r => r.ToString()));

    [Fact]
    public void the_table_covers_every_operation_the_service_serves()
    {
        var documented = RoleRule.FromDocs().Select(r => r.ToString()).ToHashSet();
        var served = Host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api") || raw == "/metrics"))
            // An endpoint mapped for any method (Prometheus' scrape) is read with GET.
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/')}"))
            .ToHashSet();
        served.Order().ShouldBe(documented.Order());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task each_role_gets_what_the_table_says(string row)
    {
        var rule = RoleRule.FromDocs().Single(r => r.ToString() == row);
        await OpenAccountWithPastDueInvoice();

        foreach (var (role, grant) in rule.Grants)
        {
            if (grant == "–")
            {
                await ShouldBeRefused(rule, Tokens.For(role, "collector-1"), 403);
                continue;
            }

            var answer = await Call(rule, Tokens.For(role, "collector-1"));
            answer.Status.ShouldNotBeOneOf([401, 403], $"{rule} as {role}: {answer.Body}");
            if (grant == "own") await ShouldBeRefused(rule, Tokens.For(role, "collector-2"), 403);
        }

        await ShouldBeRefused(rule, "", 401);
        await ShouldBeRefused(rule, Tokens.For(Roles.Admin, Tokens.AdminUser, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-5)), 401);
        await ShouldBeRefused(rule, Tokens.For(Roles.Admin, Tokens.AdminUser, audience: "another-api"), 401);
        await ShouldBeRefused(rule, Tokens.ForgedAdmin(), 401);
    }

    private async Task ShouldBeRefused(RoleRule rule, string authorization, int status)
    {
        var events = await Host.EventStoreMark();
        var keys = await ApiKeyCount();
        var answer = await Call(rule, authorization);
        answer.Status.ShouldBe(status, $"{rule} with {(authorization == "" ? "no token" : authorization[..20])}: {answer.Body}");
        answer.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        answer.Body.ShouldNotContain("Acme Widgets");
        answer.Body.ShouldNotContain("ap@acme.test");
        (await Host.EventStoreMark()).ShouldBe(events, $"{rule}: a refusal wrote to the event store");
        (await ApiKeyCount()).ShouldBe(keys);
    }

    private async Task<int> ApiKeyCount()
    {
        await using var session = Store.QuerySession(Tenants.Default);
        return await session.Query<ApiKey>().CountAsync();
    }

    private Task<RawRequests.Answer> Call(RoleRule rule, string authorization)
    {
        var url = rule.Path.Replace("{accountNumber}", AccountNumber).Replace("{disputeId}", "D-1")
            .Replace("{taskId}", $"{AccountNumber}:T-1").Replace("{invoiceNumber}", "INV-1").Replace("{contactId}", "ap").Replace("{promiseId}", "PR-1").Replace("{id}", "no-such-key");
        return Host.SendAs(rule.Method, url, BodyFor(rule), authorization);
    }

    private static string? BodyFor(RoleRule rule)
    {
        if (rule.Method is "GET") return null;
        if (rule.Path == "/api/accounts/{accountNumber}") return System.Text.Json.JsonSerializer.Serialize(NewAccount(), Json);
        if (rule.Path.StartsWith("/api/api-keys")) return rule.Method == "POST" ? """{"name":"Billing feed","roles":["integration"]}""" : null;
        if (rule.Path.StartsWith("/api/dead-letters")) return rule.Path.EndsWith("replay") || rule.Method == "DELETE" ? """{"ids":[]}""" : "{}";
        var suffix = rule.Path["/api/accounts/{accountNumber}".Length..].Replace("{disputeId}", "D-1").Replace("{taskId}", "T-1")
            .Replace("{invoiceNumber}", "INV-1").Replace("{promiseId}", "PR-1")
            .Replace("{contactId}", "ap");
        return WriteEndpoint.All.Single(e => e.Path == suffix).ValidBody;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
}

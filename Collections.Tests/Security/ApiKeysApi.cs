using Alba;
using System.Text.Json;
using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Tests.Support;
using Marten;

namespace Collections.Tests.Security;

/// <summary>API keys for services: created by an admin, shown once, stored hashed, revoked for good.</summary>
public class ApiKeysApi(AppFixture fixture) : ApiContext(fixture)
{
    private async Task<JsonElement> CreateKey(string name = "Billing feed", string role = Roles.Integration)
    {
        var created = await Host.Scenario(x =>
        {
            x.Post.Json(new { name, roles = new[] { role } }).ToUrl("/api/api-keys");
            x.StatusCodeShouldBe(201);
        });
        return await created.ReadAsJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task a_key_opens_what_its_role_may_and_its_service_is_the_actor()
    {
        await OpenAccount();
        var key = (await CreateKey()).GetProperty("key").GetString()!;

        var invoice = await Host.SendAs("POST", $"{AccountUrl}/invoices", JsonSerializer.Serialize(NewInvoice()), "");
        invoice.Status.ShouldBe(401);
        await Host.Scenario(x =>
        {
            x.Post.Json(NewInvoice()).ToUrl($"{AccountUrl}/invoices");
            x.WithRequestHeader(ApiKeyAuthentication.Header, key);
            x.StatusCodeShouldBe(200);
        });
        // Integration may not read a debtor's details.
        await Host.Scenario(x =>
        {
            x.Get.Url(AccountUrl);
            x.WithRequestHeader("Authorization", $"ApiKey {key}");
            x.StatusCodeShouldBe(403);
        });

        await using var session = Store.QuerySession(Tenants.Default);
        var issued = (await session.Events.FetchStreamAsync(AccountNumber)).Last();
        issued.UserName.ShouldStartWith("api-key:");
        issued.Headers!["actor-name"].ToString().ShouldBe("Billing feed");
        issued.Headers["actor-kind"].ToString().ShouldBe("api-key");
    }

    [Fact]
    public async Task only_a_hash_is_stored_and_the_list_never_shows_a_secret()
    {
        var created = await CreateKey();
        var key = created.GetProperty("key").GetString()!;
        var secret = key[(key.LastIndexOf('_') + 1)..];

        await using var session = Store.QuerySession(Tenants.Default);
        var stored = (await session.LoadAsync<ApiKey>(created.GetProperty("id").GetString()!)).ShouldNotBeNull();
        stored.SecretHash.ShouldNotContain(secret);
        JsonSerializer.Serialize(stored).ShouldNotContain(secret);

        var listed = await Host.GetAsText("/api/api-keys");
        listed.ShouldContain("Billing feed");
        listed.ShouldNotContain(secret);
    }

    [Fact]
    public async Task a_revoked_key_opens_nothing_and_stays_listed()
    {
        await OpenAccount();
        var created = await CreateKey();
        var (id, key) = (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
        (await Host.SendAs("GET", $"{AccountUrl}/order-check", null, $"ApiKey {key}")).Status.ShouldBe(200);

        await Host.Scenario(x =>
        {
            x.Delete.Url($"/api/api-keys/{id}");
            x.StatusCodeShouldBe(200);
        });

        (await Host.SendAs("GET", $"{AccountUrl}/order-check", null, $"ApiKey {key}")).Status.ShouldBe(401);
        var listed = await Host.GetAsJson<JsonElement>("/api/api-keys");
        listed.EnumerateArray().Single().GetProperty("revokedBy").GetString().ShouldBe(Tokens.AdminUser);
    }

    [Theory]
    [InlineData("ck_nope")]
    [InlineData("ck_0123456789ab_wrong-secret")]
    [InlineData("not-a-key")]
    public async Task an_unknown_or_malformed_key_is_401(string key)
    {
        await OpenAccount();
        var answer = await Host.SendAs("GET", $"{AccountUrl}/order-check", null, $"ApiKey {key}");
        answer.Status.ShouldBe(401);
        answer.Body.ShouldNotContain("ACME");
    }

    [Fact]
    public async Task a_key_needs_a_name_and_known_roles()
    {
        var answer = await Host.Send("POST", "/api/api-keys", """{"name":"","roles":["superuser"]}""");
        answer.Status.ShouldBe(400);
        answer.ErrorFields.ShouldBe(["name", "roles"], ignoreOrder: true);
        await using var session = Store.QuerySession(Tenants.Default);
        (await session.Query<ApiKey>().CountAsync()).ShouldBe(0);
    }
}

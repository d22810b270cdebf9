using System.Text.Json;
using Alba;
using Collections.Api.Security;
using Collections.Tests.Support;

namespace Collections.Tests.Tenancy;

/// <summary>Without Collections:Tenants (the shared test host): one tenant, "default", that callers need not name.</summary>
public sealed class SingleTenantInstallation(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task a_caller_naming_no_tenant_or_default_works_the_one_tenant_and_one_naming_another_is_refused()
    {
        await OpenAccount(); // as an admin whose token names no tenant
        (await StreamVersion()).ShouldBe(1, "stored under the tenant 'default'");

        var asDefault = await Host.Scenario(x =>
        {
            x.Get.Url(AccountUrl);
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Admin, "default.admin", tenant: "default"));
        });
        (await asDefault.ReadAsJsonAsync<JsonElement>()).GetProperty("accountNumber").GetString().ShouldBe(AccountNumber);

        var refused = await Host.Scenario(x =>
        {
            x.Get.Url(AccountUrl);
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Admin, "acme.admin", tenant: "acme"));
            x.StatusCodeShouldBe(403);
        });
        (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("tenant")[0].GetString()
            .ShouldBe("'acme' is not a tenant of this service.");
    }
}

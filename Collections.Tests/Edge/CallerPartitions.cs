using System.Net;
using System.Security.Claims;
using Collections.Api.Edge;
using Collections.Api.Security;
using Microsoft.AspNetCore.Http;

namespace Collections.Tests.Edge;

/// <summary>Who a request counts against (<see cref="CallerPartition"/>), for each kind of caller.</summary>
public sealed class CallerPartitions
{
    private static readonly AuthSettings Auth = new();

    private static CallerPartitionKey Of(string? address, params Claim[] claims) => CallerPartition.Of(new DefaultHttpContext
    {
        User = new ClaimsPrincipal(claims.Length == 0 ? new ClaimsIdentity() : new ClaimsIdentity(claims, "Bearer", Auth.NameClaim, Auth.RoleClaim)),
        Connection = { RemoteIpAddress = address is null ? null : IPAddress.Parse(address) }
    }, Auth);

    private static Claim Sub(string value) => new(CallerPartition.SubjectClaim, value);
    private static Claim Tenant(string value) => new(Auth.TenantClaim, value);
    private static Claim Role(string value) => new(Auth.RoleClaim, value);

    [Fact]
    public void a_person_is_counted_by_tenant_and_subject_wherever_they_call_from()
    {
        Of("192.0.2.1", Sub("alice"), Tenant("north"), Role(Roles.Collector))
            .ShouldBe(new CallerPartitionKey(CallerTier.User, "north", "sub:alice"));
        Of("192.0.2.2", Sub("alice"), Tenant("north")).ShouldBe(Of("192.0.2.1", Sub("alice"), Tenant("north")));
        Of(null, Sub("alice"), Tenant("south")).ShouldNotBe(Of(null, Sub("alice"), Tenant("north")));
        Of(null, Sub("alice")).ShouldBe(new CallerPartitionKey(CallerTier.User, "", "sub:alice"));
    }

    [Fact]
    public void an_api_key_or_the_integration_role_is_an_integration()
    {
        Of(null, Sub("api-key:k1"), new Claim(ApiKeyAuthentication.KeyIdClaim, "k1"), Tenant("north"), Role(Roles.Integration))
            .ShouldBe(new CallerPartitionKey(CallerTier.Integration, "north", "key:k1"));
        Of(null, Sub("api-key:k2"), new Claim(ApiKeyAuthentication.KeyIdClaim, "k2"), Role(Roles.Admin)).Tier
            .ShouldBe(CallerTier.Integration, "any API key, whatever its role");
        Of(null, Sub("billing-feed"), Role(Roles.Integration)).ShouldBe(new CallerPartitionKey(CallerTier.Integration, "", "sub:billing-feed"));
    }

    [Fact]
    public void without_an_authenticated_identity_the_address_counts()
    {
        Of("198.51.100.7").ShouldBe(new CallerPartitionKey(CallerTier.Anonymous, "", "198.51.100.7"));
        Of("::ffff:198.51.100.7").ShouldBe(Of("198.51.100.7"), "an IPv4 address mapped to IPv6 is the same address");
        Of("2001:db8:1:2:3:4:5:6").ShouldBe(new CallerPartitionKey(CallerTier.Anonymous, "", "2001:db8:1:2::/64"));
        Of("2001:db8:1:2:ffff::1").ShouldBe(Of("2001:db8:1:2:3:4:5:6"));
        Of(null).Caller.ShouldBe("unknown");
        // Claims on an identity nobody authenticated (no authentication type) do not make a caller.
        CallerPartition.Of(new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([Sub("mallory")])),
            Connection = { RemoteIpAddress = IPAddress.Parse("203.0.113.5") }
        }, Auth).ShouldBe(new CallerPartitionKey(CallerTier.Anonymous, "", "203.0.113.5"));
    }
}

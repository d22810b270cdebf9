using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Collections.Api.Security;
using Collections.Api.Tenancy;

namespace Collections.Api.Edge;

public enum CallerTier { Anonymous, User, Integration }

/// <summary>One caller, as the rate limiter counts it: a person or an API key within a tenant, or an address.</summary>
public readonly record struct CallerPartitionKey(CallerTier Tier, string Tenant, string Caller);

/// <summary>
/// Who a request counts against. Authenticated: the tenant plus the API key's id (an API key) or the token's
/// subject (a person); an API key or the <c>integration</c> role makes it an integration. Anonymous (no credentials,
/// or ones that failed): the client's address, an IPv6 address by its /64 (one host owns at least that much).
/// </summary>
/// <remarks>The claims are those <see cref="AuthenticationSetup"/> hands over: all read here, to change in one place.</remarks>
public static class CallerPartition
{
    /// <summary>The token's subject: stable per person, where a name can change.</summary>
    public const string SubjectClaim = "sub";

    public static CallerPartitionKey Of(HttpContext context, AuthSettings auth)
    {
        var user = context.User;
        var key = user.FindFirstValue(ApiKeyAuthentication.KeyIdClaim);
        var subject = user.FindFirstValue(SubjectClaim);
        if (user.Identity?.IsAuthenticated == true && (!string.IsNullOrEmpty(key) || !string.IsNullOrEmpty(subject)))
        {
            var tenant = TenantGate.TenantOf(user, auth) ?? "";
            if (!string.IsNullOrEmpty(key)) return new(CallerTier.Integration, tenant, $"key:{key}");
            return new(user.IsInRole(Roles.Integration) ? CallerTier.Integration : CallerTier.User, tenant, $"sub:{subject}");
        }

        return new(CallerTier.Anonymous, "", Address(context.Connection.RemoteIpAddress));
    }

    private static string Address(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}

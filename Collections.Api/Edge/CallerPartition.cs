using System.Net;
using System.Net.Sockets;
using System.Security.Claims;

namespace Collections.Api.Edge;

public enum CallerTier { Anonymous, User, Integration }

/// <summary>One caller, as the rate limiter counts it: a person or an API key within a tenant, or an address.</summary>
public readonly record struct CallerPartitionKey(CallerTier Tier, string Tenant, string Caller);

/// <summary>
/// Who a request counts against. Authenticated: the tenant plus the API key's id (an API key) or the token's
/// subject (a person); an API key or the <c>integration</c> role makes it an integration. Anonymous: the client's
/// address, an IPv6 address by its /64 (one host owns at least that much).
/// </summary>
/// <remarks>The claim names are those the authentication hands over; they are all here, to change in one place.</remarks>
public static class CallerPartition
{
    public const string TenantClaim = "tenant";
    public const string SubjectClaim = "sub";
    public const string ApiKeyClaim = "api_key";
    public const string IntegrationRole = "integration";

    public static CallerPartitionKey Of(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && (user.FindFirstValue(ApiKeyClaim) is { Length: > 0 } || user.FindFirstValue(SubjectClaim) is { Length: > 0 }))
        {
            var tenant = user.FindFirstValue(TenantClaim) ?? "";
            if (user.FindFirstValue(ApiKeyClaim) is { Length: > 0 } key) return new(CallerTier.Integration, tenant, $"key:{key}");
            var tier = user.IsInRole(IntegrationRole) ? CallerTier.Integration : CallerTier.User;
            return new(tier, tenant, $"sub:{user.FindFirstValue(SubjectClaim)}");
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

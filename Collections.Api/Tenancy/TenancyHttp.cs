using Wolverine.Http;

namespace Collections.Api.Tenancy;

public static class TenancyHttp
{
    /// <summary>
    /// The tenant of a Wolverine endpoint, for its Marten session and the messages it sends: the <c>tenant</c> claim,
    /// else (single-tenant installation only) <see cref="Tenants.Default"/>. <see cref="TenantGate"/> has already
    /// refused a request whose tenant is missing or unknown.
    /// </summary>
    public static void DetectTenants(this WolverineHttpOptions opts, Tenants tenants)
    {
        opts.TenantId.IsClaimTypeNamed(Tenants.ClaimType);
        if (tenants.Implicit is { } implicitTenant) opts.TenantId.DefaultIs(implicitTenant);
        opts.TenantId.AssertExists();
    }
}

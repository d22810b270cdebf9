using Collections.Api.Security;
using Wolverine.Http;

namespace Collections.Api.Tenancy;

public static class TenancyHttp
{
    /// <summary>
    /// The tenant of a Wolverine endpoint, for its Marten session and the messages it sends: the caller's tenant claim,
    /// else (single-tenant installation only) <see cref="Tenants.Default"/>. <see cref="TenantGate"/> has already
    /// refused a request whose tenant is missing or unknown; without one the endpoint would not run at all.
    /// </summary>
    public static void DetectTenants(this WolverineHttpOptions opts, Tenants tenants, AuthSettings settings)
    {
        opts.TenantId.IsClaimTypeNamed(settings.TenantClaim);
        if (tenants.Implicit is { } implicitTenant) opts.TenantId.DefaultIs(implicitTenant);
        opts.TenantId.AssertExists();
    }
}

using Collections.Api.Operations;
using Collections.Api.Security;

namespace Collections.Api.Tenancy;

/// <summary>
/// Every /api request acts for exactly one configured tenant: the authenticated caller's tenant claim
/// (<see cref="AuthSettings.TenantClaim"/>), or in a single-tenant installation <see cref="Tenants.Default"/> when it has
/// none. Anything else is refused with 403 before an endpoint runs. The dead-letter endpoints are the exception. Wolverine's tenant detection
/// (<see cref="TenancyHttp"/>) then reads the same claim for the Marten session and every message the request sends.
/// </summary>
public sealed class TenantGate(RequestDelegate next, Tenants tenants, AuthSettings settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Anonymous requests have been answered 401 by authorization already, bar the open ones (health, sign-in).
        if (!context.Request.Path.StartsWithSegments("/api") || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var claimed = TenantOf(context.User, settings);
        if (context.Request.Path.StartsWithSegments(DeadLetterEndpoints.Path))
        {
            await DeploymentOperatorsOnly(context, claimed);
            return;
        }

        if (tenants.IsKnown(claimed ?? tenants.Implicit))
        {
            await next(context);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a tenant of this service",
            detail: claimed is null
                ? $"This service serves several tenants; the caller's '{settings.TenantClaim}' claim must name one."
                : $"Tenant '{claimed}' is not configured here.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]>
                {
                    [settings.TenantClaim] = [claimed is null ? "is required." : $"'{claimed}' is not a tenant of this service."]
                }
            }).ExecuteAsync(context);
    }

    /// <summary>
    /// Dead letters are the deployment's, not a tenant's: a billing message refused for naming no tenant has none, and
    /// Wolverine keeps them in one table without a tenant column. With several tenants, only a deployment operator (an
    /// admin whose token names no tenant) lists, replays or discards them; a tenant's admin would see everyone's.
    /// </summary>
    private async Task DeploymentOperatorsOnly(HttpContext context, string? claimed)
    {
        if (!tenants.IsConfigured || claimed is null)
        {
            await next(context);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Dead letters are the deployment's",
            detail: "They hold every tenant's messages; an operator's token that names no tenant is needed here.").ExecuteAsync(context);
    }

    /// <summary>The tenant a caller's claim names, trimmed as Wolverine's claim detection trims it; null when none.</summary>
    public static string? TenantOf(System.Security.Claims.ClaimsPrincipal user, AuthSettings settings) =>
        user.FindFirst(settings.TenantClaim)?.Value.Trim() is { Length: > 0 } value ? value : null;
}

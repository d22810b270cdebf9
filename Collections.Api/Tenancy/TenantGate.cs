namespace Collections.Api.Tenancy;

/// <summary>
/// Every /api request acts for exactly one configured tenant: the caller's <c>tenant</c> claim, or in a single-tenant
/// installation <see cref="Tenants.Default"/> when it has none. Anything else is refused with 403 before an endpoint
/// runs. Wolverine's tenant detection (<see cref="TenancyHttp"/>) then reads the same claim for the Marten session
/// and every message the request sends.
/// </summary>
public sealed class TenantGate(RequestDelegate next, Tenants tenants)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var claimed = TenantOf(context);
        var tenant = claimed ?? tenants.Implicit;
        if (tenants.IsKnown(tenant))
        {
            await next(context);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a tenant of this service",
            detail: claimed is null
                ? $"This service serves several tenants; the caller's '{Tenants.ClaimType}' claim must name one."
                : $"Tenant '{claimed}' is not configured here.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]>
            {
                [Tenants.ClaimType] = [claimed is null ? "is required." : $"'{claimed}' is not a tenant of this service."]
            } }).ExecuteAsync(context);
    }

    public static string? TenantOf(HttpContext context) =>
        context.User.FindFirst(Tenants.ClaimType)?.Value is { Length: > 0 } value ? value.Trim() : null;
}

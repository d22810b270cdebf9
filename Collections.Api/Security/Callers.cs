using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.Ladders;
using System.Security.Claims;

namespace Collections.Api.Security;

/// <summary>The authenticated caller of a request, as the domain sees them: the actor on what they record.</summary>
public sealed class Caller(IHttpContextAccessor http, AuthSettings settings, Tenants tenants)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>Only asked for by endpoints that authorization has already let through, so never anonymous.</summary>
    public Actor Actor => Callers.TryActor(User, settings)
        ?? throw new InvalidOperationException("An endpoint asked for the actor of an unauthenticated request.");

    /// <summary>The tenant the caller acts for (see <see cref="TenantGate"/>): its claim, or the one tenant of a single-tenant installation.</summary>
    public string? Tenant => TenantGate.TenantOf(User, settings) ?? tenants.Implicit;

    /// <summary>
    /// A collector works the accounts assigned to them, and the open tasks assigned to them (<paramref name="taskId"/>)
    /// on any account; a credit manager or an admin works any. Refused with 403 before the command is looked at.
    /// </summary>
    public IResult? RefuseUnlessAssigned(DebtorAccount account, string? taskId = null)
    {
        if (Callers.WorksAnyAccount(User) || account.Collector == Actor.Id) return null;
        if (taskId is not null && account.OpenTasks.Any(t => t.TaskId == taskId && t.Assignee == Actor.Id)) return null;
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The account is not assigned to you",
            detail: $"Account {account.Id} is worked by {account.Collector ?? "nobody yet"}; a credit manager can reassign it.");
    }
}

public static class Callers
{
    /// <summary>Who may do a collector's work on any account, not only on those assigned to them.</summary>
    public static bool WorksAnyAccount(ClaimsPrincipal user) => user.IsInRole(Roles.CreditManager) || user.IsInRole(Roles.Admin);

    public static Actor? TryActor(ClaimsPrincipal user, AuthSettings settings)
    {
        var id = user.FindFirstValue(settings.UserNameClaim) ?? user.FindFirstValue("sub");
        if (string.IsNullOrWhiteSpace(id) || id.Length > InputLimits.Name || id == StepRunner.PolicyActor) return null;
        var name = user.FindFirstValue(settings.NameClaim);
        return new Actor(id, string.IsNullOrWhiteSpace(name) ? id : name.Length > InputLimits.Name ? name[..InputLimits.Name] : name);
    }
}

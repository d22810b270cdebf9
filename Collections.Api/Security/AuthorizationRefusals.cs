using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Collections.Api.Security;

/// <summary>401 and 403 as problem details that say what was missing (the roles that would do), never why a token failed.</summary>
public sealed class AuthorizationRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            await context.ChallengeAsync();
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in first",
                detail: "Send a bearer token (Authorization: Bearer …) or an API key (X-Api-Key: …).").ExecuteAsync(context);
            return;
        }

        if (result.Forbidden)
        {
            var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct();
            await context.ForbidAsync();
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role does not allow this",
                detail: $"This needs one of the roles: {string.Join(", ", roles)}.").ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, result);
    }
}

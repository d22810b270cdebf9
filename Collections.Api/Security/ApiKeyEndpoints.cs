using Collections.Api.Tenancy;
using Collections.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Wolverine.Http;

namespace Collections.Api.Security;

/// <param name="Roles">Usually just <c>integration</c>; <c>admin</c> for a Prometheus scraper.</param>
public sealed record CreateApiKey(string Name, IReadOnlyList<string> Roles);

/// <param name="Key">The key itself: shown only in this answer, never stored.</param>
public sealed record CreatedApiKey(string Id, string Key, string Name, IReadOnlyList<string> Roles, string? Tenant);

public sealed record ApiKeyView(string Id, string Name, IReadOnlyList<string> Roles, string? Tenant, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static ApiKeyView Of(ApiKey key) =>
        new(key.Id, key.Name, key.Roles, key.Tenant, key.CreatedBy, key.CreatedAt, key.RevokedAt, key.RevokedBy);
}

/// <summary>
/// API keys are global documents (<see cref="GlobalDocuments"/>): kept in the main database whatever the caller's tenant, where
/// <see cref="ApiKeyAuthentication"/> looks them up before it knows whose they are; each names its tenant.
/// </summary>
public static class ApiKeyEndpoints
{
    /// <summary>Creates an API key for a service in the caller's tenant. The key is in this answer only.</summary>
    [WolverinePost("/api/api-keys"), Tags("API keys"), Authorize(Policy = Capability.Administer), ProducesResponseType<CreatedApiKey>(201)]
    public static async Task<IResult> Create(CreateApiKey command, IDocumentStore store, Caller caller, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Length > InputLimits.Name)
            errors["name"] = [$"is required, at most {InputLimits.Name} characters."];
        if (command.Roles is not { Count: > 0 } roles || roles.Any(r => !Roles.All.Contains(r)))
            errors["roles"] = [$"must name one or more of {string.Join(", ", Roles.All)}."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        var (id, key, hash) = ApiKeySecrets.Generate();
        var tenant = caller.Tenant;
        await using var session = store.LightweightSession(GlobalDocuments.Session);
        session.Store(new ApiKey
        {
            Id = id, Name = command.Name.Trim(), Roles = command.Roles!.Distinct().ToList(), Tenant = tenant, SecretHash = hash,
            CreatedBy = caller.Actor.Id, CreatedAt = clock.GetUtcNow()
        });
        await session.SaveChangesAsync();
        return Results.Created($"/api/api-keys/{id}", new CreatedApiKey(id, key, command.Name.Trim(), command.Roles!.Distinct().ToList(), tenant));
    }

    /// <summary>The tenant's API keys, revoked ones included; never their secrets.</summary>
    [WolverineGet("/api/api-keys"), Tags("API keys"), Authorize(Policy = Capability.Administer)]
    public static async Task<IReadOnlyList<ApiKeyView>> List(IDocumentStore store, Caller caller)
    {
        var tenant = caller.Tenant;
        await using var session = store.QuerySession(GlobalDocuments.Session);
        var keys = await session.Query<ApiKey>().Where(k => k.Tenant == tenant).OrderBy(k => k.CreatedAt).ToListAsync();
        return keys.Select(ApiKeyView.Of).ToList();
    }

    /// <summary>Revokes a key: at once on this node, within 10 seconds on the others; the record stays for the history.</summary>
    [WolverineDelete("/api/api-keys/{id}"), Tags("API keys"), Authorize(Policy = Capability.Administer)]
    [ProducesResponseType<ApiKeyView>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Revoke(string id, IDocumentStore store, Caller caller, TimeProvider clock,
        IMemoryCache cache)
    {
        var tenant = caller.Tenant;
        await using var session = store.LightweightSession(GlobalDocuments.Session);
        var key = await session.LoadAsync<ApiKey>(id);
        if (key is null || key.Tenant != tenant)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key", detail: $"No API key '{id}'.");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            key.RevokedBy = caller.Actor.Id;
            session.Store(key);
            cache.Remove(ApiKeyAuthentication.CacheKey(id));
            await session.SaveChangesAsync();
        }

        return Results.Ok(ApiKeyView.Of(key));
    }
}

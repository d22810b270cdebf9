using Collections.Api.Infrastructure;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.Contracts;

/// <summary>
/// Every answer an operation can give, in the OpenAPI document: a write's <see cref="CommandResult"/> (201 when
/// it opens an account), the refusals as problem details (400, 401, 403, 404, 409, 413, 415, 422), 429 past the
/// caller's rate limit, and 503 while the database is away; a read's typed 200 comes from its
/// <c>[ProducesResponseType]</c>. Wolverine's defaults
/// (an untyped 200 and a 500 that the service never answers on purpose) are replaced.
/// </summary>
public sealed class ContractResponses : IHttpPolicy
{
    private const string Problem = "application/problem+json";

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var route = chain.RoutePattern?.RawText ?? "";
            if (!route.StartsWith("/api/")) continue;
            var opens = chain.HttpMethods.Contains("PUT");
            var writes = route.StartsWith("/api/accounts/") && (opens || chain.HttpMethods.Contains("POST"));
            var onAccount = route.Contains("{accountNumber}");
            chain.Metadata.Finally(endpoint =>
            {
                var typed = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
                    .Where(m => m.StatusCode is 200 or 201 && m.Type is { } t && t != typeof(void) && !typeof(IResult).IsAssignableFrom(t))
                    .ToList();
                foreach (var stale in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Where(m => !typed.Contains(m)).ToList())
                    endpoint.Metadata.Remove(stale);

                if (writes)
                {
                    endpoint.Metadata.Add(new ProducesResponseTypeMetadata(opens ? 201 : 200, typeof(CommandResult), ["application/json"]));
                    if (opens) endpoint.Metadata.Add(new ProducesResponseTypeMetadata(200, typeof(CommandResult), ["application/json"]));
                    foreach (var status in new[] { 400, 409, 413, 415, 422 })
                        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), [Problem]));
                }
                else endpoint.Metadata.Add(new ProducesResponseTypeMetadata(400, typeof(HttpValidationProblemDetails), [Problem]));
                if (!writes && !chain.HttpMethods.Contains("GET"))
                    foreach (var status in new[] { 413, 415 })
                        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), [Problem]));

                if (onAccount && !opens) endpoint.Metadata.Add(new ProducesResponseTypeMetadata(404, typeof(ProblemDetails), [Problem]));
                // Every /api operation needs a caller (401) with a role that may (403; a collector also on someone else's account).
                foreach (var status in new[] { 401, 403 })
                    endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [Problem]));
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(429, typeof(ProblemDetails), [Problem]));
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(503, typeof(ProblemDetails), [Problem]));
            });
        }
    }
}

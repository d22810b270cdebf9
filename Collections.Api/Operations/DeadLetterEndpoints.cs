using Collections.Api.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Wolverine.Http;

namespace Collections.Api.Operations;

public static class DeadLetterEndpoints
{
    public const string Path = "/api/dead-letters";

    /// <summary>
    /// Wolverine's own operator endpoints (list, replay, discard; docs/reliability.md), declared in the OpenAPI
    /// document with the answers the body gate and the database can give them.
    /// </summary>
    public static WebApplication MapDeadLetters(this WebApplication app)
    {
        var operators = app.MapGroup("").WithTags("Dead letters").RequireAuthorization(Capability.Administer)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest).ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            // No caller (401); not an admin, or (with several tenants) an admin of one tenant rather than of the deployment (403).
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        operators.MapDeadLettersEndpoints(Path).AddEndpointFilter<DeadLetterRedaction>();
        // Replay and discard answer an empty 200, which their signatures do not declare.
        ((IEndpointConventionBuilder)operators).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status200OK))
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK));
        });
        return app;
    }
}

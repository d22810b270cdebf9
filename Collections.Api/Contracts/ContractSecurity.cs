using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collections.Api.Contracts;

/// <summary>
/// The two ways to call the API, in the OpenAPI document: a bearer token or an API key (the reference page
/// then offers both). Operations outside <c>/api</c> are open.
/// </summary>
public sealed class ContractSecurity : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "A token from the OpenID Connect issuer, or `./collections token` in development."
            },
            ["apiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                Description = "An API key for a service (POST /api/api-keys)."
            }
        };
        var either = new List<OpenApiSecurityRequirement>
        {
            new() { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
            new() { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] }
        };
        foreach (var (path, item) in document.Paths.Where(p => p.Key.StartsWith("/api/")))
        foreach (var operation in item.Operations?.Values.AsEnumerable() ?? [])
            operation.Security = either;
        return Task.CompletedTask;
    }
}

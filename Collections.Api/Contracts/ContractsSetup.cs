using Collections.Api.Integration;
using Scalar.AspNetCore;

namespace Collections.Api.Contracts;

/// <summary>
/// The machine-readable contracts, served by the service: OpenAPI for the HTTP API (with an interactive
/// reference page) and AsyncAPI for the events on RabbitMQ.
/// </summary>
public static class ContractsSetup
{
    public const string ReferencePath = "/reference";

    public static WebApplication MapApiContracts(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // Its default web fonts come from Scalar's servers: the page loads nothing from elsewhere (see SecurityHeadersSetup).
        app.MapScalarApiReference(ReferencePath, o => o.WithTitle("Collections API reference").DisableDefaultFonts()).AllowAnonymous();
        var asyncApi = AsyncApiDocument.Build(app.Services.GetRequiredService<BrokerSettings>())
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        app.MapGet(AsyncApiDocument.Path, () => Results.Text(asyncApi, "application/json")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Tests.Contracts;

/// <summary>One answer the service gave during the test run: which operation, the status and the body.</summary>
public sealed record RecordedAnswer(string Method, string Route, int Status, string? ContentType, string Body);

/// <summary>
/// Middleware in the shared test host that keeps every answer under /api, so that at the end of the run each
/// one can be held to the OpenAPI document (<see cref="OpenApiConformance"/>).
/// </summary>
public sealed class ContractRecorder : IStartupFilter
{
    public static readonly ConcurrentQueue<RecordedAnswer> Answers = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, call) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await call(context);
                return;
            }

            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await call(context);
            }
            finally
            {
                context.Response.Body = original;
                buffer.Position = 0;
                var body = await new StreamReader(buffer).ReadToEndAsync();
                buffer.Position = 0;
                await buffer.CopyToAsync(original);
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
                // No operation answered an unknown address or method: there is nothing to hold its 404 or 405 to.
                if (context.GetEndpoint() is RouteEndpoint || context.Response.StatusCode is not (404 or 405))
                    Answers.Enqueue(new RecordedAnswer(context.Request.Method, route, context.Response.StatusCode,
                        context.Response.ContentType, body));
            }
        });
        next(app);
    };
}

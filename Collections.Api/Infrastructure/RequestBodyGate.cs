using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Collections.Api.Infrastructure;

/// <summary>
/// The door of every write endpoint (POST and PUT under /api, and a DELETE with a body): a JSON object (Content-Type application/json, else
/// 415) of at most <see cref="MaxBodyBytes"/> (else 413) that reads as the endpoint's command, or 400 naming the
/// field at fault. Nothing behind it runs for a refused request, so a refused request writes nothing.
/// </summary>
/// <remarks>
/// The body is read here once, within the limit, and handed on from memory (so <see cref="ConcurrencyRetry"/> can
/// replay it). It is read with the service's own JSON options (duplicate keys and control characters refused, see
/// <see cref="JsonInput"/>) plus <see cref="MaxDepth"/>.
/// </remarks>
// Hand-written: Wolverine's body reader answers a JsonException without the field (its Path) and a null body with
// 500, and under Wolverine a body over Kestrel's limit is no 413 unless it comes with a Content-Length.
public sealed class RequestBodyGate(RequestDelegate next, IOptions<JsonOptions> json)
{
    /// <summary>256 KiB: over a hundred times the largest command a person or the billing feed sends.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Levels of objects and arrays in a body; the deepest command needs three.</summary>
    public const int MaxDepth = 8;

    private readonly JsonSerializerOptions _read = new(json.Value.SerializerOptions) { MaxDepth = MaxDepth };

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !CarriesBody(request.Method, endpoint) || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        if (!IsJson(request.ContentType, out var contentTypeError))
        {
            await Refuse(context, StatusCodes.Status415UnsupportedMediaType, "The request body must be JSON",
                "Content-Type", contentTypeError);
            return;
        }

        byte[]? body;
        try
        {
            body = request.ContentLength > MaxBodyBytes ? null : await ReadWithin(request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode != StatusCodes.Status413PayloadTooLarge)
        {
            await Refuse(context, e.StatusCode, "The request body could not be read", "body", e.Message);
            return;
        }
        catch (BadHttpRequestException)
        {
            body = null; // Kestrel's own limit, the same figure, on a body sent without Content-Length
        }

        if (body is null)
        {
            await Refuse(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large", "body",
                $"must be at most {MaxBodyBytes} bytes.");
            return;
        }

        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } commandType)
        {
            try
            {
                if (JsonSerializer.Deserialize(body, commandType, _read) is null)
                {
                    await Refuse(context, StatusCodes.Status400BadRequest, "The request is invalid", "body",
                        "must be a JSON object, not null.");
                    return;
                }
            }
            catch (JsonException e)
            {
                var (field, message) = JsonInput.Describe(e, commandType, _read);
                await Refuse(context, StatusCodes.Status400BadRequest, "The request is invalid", field, message);
                return;
            }
        }

        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        // Media types are case-insensitive (RFC 9110); Wolverine compares them as written.
        request.ContentType = "application/json";
        await next(context);
    }

    /// <summary>Every POST and PUT; a DELETE when its endpoint reads a body (discarding dead letters does).</summary>
    private static bool CarriesBody(string method, Endpoint endpoint) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method)
        || (HttpMethods.IsDelete(method) && endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not null);

    /// <summary>application/json, with no charset or UTF-8 (the only encoding JSON allows, RFC 8259).</summary>
    private static bool IsJson(string? contentType, out string error)
    {
        error = "must be application/json.";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return false;
        error = "must be application/json with charset utf-8, if any.";
        return !media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    /// <returns>The body, or null when it is longer than <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<byte[]?> ReadWithin(Stream body, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, token)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task Refuse(HttpContext context, int status, string title, string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: status,
            title: title, detail: $"{field}: {message}").ExecuteAsync(context);
}

using System.Text;
using System.Text.Json;
using Alba;
using Collections.Api.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Tests.Support;

/// <summary>Requests as an attacker or a broken client sends them: any bytes, any Content-Type, any status back.</summary>
public static class RawRequests
{
    public sealed record Answer(int Status, string? ContentType, string Body)
    {
        public JsonElement? Json => Body.Length > 0 && ContentType?.Contains("json") == true
            ? JsonDocument.Parse(Body).RootElement.Clone()
            : null;

        /// <summary>The fields named in a problem's <c>errors</c>.</summary>
        public IReadOnlyList<string> ErrorFields => Json is { ValueKind: JsonValueKind.Object } json
                                                    && json.TryGetProperty("errors", out var errors)
                                                    && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().Select(e => e.Name).ToList()
            : [];
    }

    public static Task<Answer> Send(this IAlbaHost host, string method, string url, string body,
        string? contentType = "application/json", string? correlationId = null) =>
        host.Send(method, url, Encoding.UTF8.GetBytes(body), contentType, correlationId);

    public static async Task<Answer> Send(this IAlbaHost host, string method, string url, byte[] body,
        string? contentType = "application/json", string? correlationId = null)
    {
        var result = await host.Scenario(x =>
        {
            if (method == "PUT") x.Put.Url(url);
            else x.Post.Url(url);
            x.ConfigureHttpContext(c =>
            {
                c.Request.Body = new MemoryStream(body);
                c.Request.ContentLength = body.Length;
                c.Request.ContentType = contentType;
                if (correlationId is not null) c.Request.Headers["X-Correlation-Id"] = correlationId;
            });
            x.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        return new Answer(response.StatusCode, response.ContentType, await result.ReadAsTextAsync());
    }

    /// <summary>Any method, with or without a body, as the caller <paramref name="authorization"/> ("" for nobody).</summary>
    public static async Task<Answer> SendAs(this IAlbaHost host, string method, string url, string? body, string authorization)
    {
        var result = await host.Scenario(x =>
        {
            _ = method switch
            {
                "GET" => x.Get.Url(url),
                "PUT" => x.Put.Url(url),
                "DELETE" => x.Delete.Url(url),
                _ => x.Post.Url(url)
            };
            x.ConfigureHttpContext(c =>
            {
                if (body is not null)
                {
                    var bytes = Encoding.UTF8.GetBytes(body);
                    c.Request.Body = new MemoryStream(bytes);
                    c.Request.ContentLength = bytes.Length;
                    c.Request.ContentType = "application/json";
                }

                c.Request.Headers.Authorization = authorization;
            });
            x.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        return new Answer(response.StatusCode, response.ContentType, await result.ReadAsTextAsync());
    }

    /// <summary>
    /// Rows in the event store of the tenant's database and its highest sequence: a refused request must move neither
    /// (tombstones included).
    /// </summary>
    public static async Task<(long Rows, long MaxSequence)> EventStoreMark(this IAlbaHost host, string tenant = Tenants.Default)
    {
        await using var command = (await host.Services.GetRequiredService<TenantDatabases>().Of(tenant))
            .CreateCommand("select count(*), coalesce(max(seq_id), 0) from collections.mt_events");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

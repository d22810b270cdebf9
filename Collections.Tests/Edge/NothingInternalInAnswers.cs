using System.Text;
using System.Text.Json;
using Alba;
using Collections.Tests.Api;
using Collections.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Collections.Tests.Edge;

/// <summary>
/// Hostile and malformed requests to every operation of the OpenAPI document and every other address the service
/// serves: no answer names a .NET type, an exception, a statement, a file or a server (<see cref="InternalDetails"/>),
/// whatever its status. <see cref="GeneratedInput"/> holds its 10,000 generated bodies to the same rule.
/// </summary>
public sealed class NothingInternalInAnswers(AppFixture fixture) : ApiContext(fixture)
{
    /// <summary>Path values as a client could send them (percent-encoded); Kestrel itself refuses a NUL in a path.</summary>
    private static readonly string[] PathValues =
    [
        AccountNumber, "NO-SUCH-1", "a%25b", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%E2%80%AEx", new('A', 300),
        "SELECT%20*%20FROM%20x", "-lead", "%F0%9F%98%80", "D-1", "T-1", "%ED%A0%80", "..", "%20"
    ];

    /// <summary>Query values: wrong types, out of range, impossible dates, injection, encoding tricks.</summary>
    private static readonly string[] QueryValues =
    [
        "", "yesterday", "-1", "0", "2147483648", "99999999999999999999", "1e40", "NaN", "maybe", "TRUE", "7",
        "2026-02-30", "9999-12-31T23:59:59%2B14:00", "0001-01-01T00:00:00Z", "2026-11-23", "%00", "%27%3B--",
        "open,closed", new('9', 400), "%5B%5D", "%7B%7D", "%ED%A0%80", "a&a=b"
    ];

    [Fact]
    public async Task every_operation_answers_hostile_path_and_query_values_without_internal_details()
    {
        await OpenAccountWithPastDueInvoice();
        var count = 0;
        foreach (var (method, template, query) in await Operations())
        {
            foreach (var value in PathValues)
            {
                await Sends(method, Fill(template, value), "", Body(method));
                count++;
            }

            foreach (var parameter in query)
            foreach (var value in QueryValues)
            {
                await Sends(method, Fill(template, AccountNumber), $"?{parameter}={value}", Body(method));
                count++;
            }
        }

        count.ShouldBeGreaterThan(500);
    }

    [Theory]
    [InlineData("/api/accounts/ACME-00042?asOf=yesterday", "asOf", "must be an instant (ISO 8601 with an offset, e.g. 2026-11-23T09:15:00Z).")]
    [InlineData("/api/accounts/ACME-00042?atVersion=abc", "atVersion", "must be a whole number within range.")]
    [InlineData("/api/events?limit=99999999999", "limit", "must be a whole number within range.")]
    [InlineData("/api/obligations?overdue=maybe", "overdue", "must be true or false.")]
    [InlineData("/api/credit-holds?collector=a%00b", "collector", "must not contain control characters.")]
    public async Task a_query_value_that_does_not_parse_is_named_and_said_in_words(string url, string parameter, string message)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(400);
        });
        var problem = await result.ReadAsJsonAsync<ProblemBody>();
        problem.ShouldNotBeNull().Title.ShouldBe("Invalid query string value");
        problem.Errors.ShouldNotBeNull()[parameter].ShouldBe([message]);
        problem.Detail.ShouldBe($"{parameter}: {message}");
    }

    [Fact]
    public async Task a_command_for_an_unknown_account_names_the_account_not_the_aggregate()
    {
        var hold = WriteEndpoint.Named("place credit hold");
        var answer = await Host.Send(hold.Method, hold.Url("NO-SUCH-1"), hold.ValidBody);
        answer.Status.ShouldBe(404);
        answer.Json!.Value.GetProperty("detail").GetString().ShouldBe("No account 'NO-SUCH-1'.");
    }

    [Fact]
    public async Task every_body_answers_hostile_bodies_and_content_types_without_internal_details()
    {
        await OpenAccountWithPastDueInvoice();
        var bodies = GeneratedInput.WholeBodies.Concat(GeneratedInput.HostileValues).Distinct().ToList();
        foreach (var (method, template, _) in (await Operations()).Where(o => o.Method is not "GET"))
        {
            var path = Fill(template, AccountNumber);
            foreach (var body in bodies) await Sends(method, path, "", body);
            foreach (var type in GeneratedInput.HostileContentTypes) await Sends(method, path, "", Body(method), type);
        }
    }

    [Fact]
    public async Task hostile_headers_are_answered_without_internal_details()
    {
        await OpenAccountWithPastDueInvoice();
        var credit = WriteEndpoint.Named("place credit hold");
        string[] values = ["", " ", new('x', 10_000), "a\u0001b", "é", "'; select 1; --", "${jndi:ldap://x}", "\u00ff\u00fe",
            "Bearer x.y.z", "Bearer " + Tokens.ForgedAdmin()[7..], "ApiKey ck_0_x", "ck_" + new string('a', 40) + "_b"];
        foreach (var header in new[] { "Authorization", "X-Api-Key", "X-Correlation-Id", "Accept", "Accept-Language", "traceparent" })
        foreach (var value in values)
        {
            await Sends("POST", credit.Url(AccountNumber), "", credit.ValidBody, headers: new() { [header] = value });
            await Sends("GET", AccountUrl, "", "", headers: new() { [header] = value });
        }
    }

    [Fact]
    public async Task the_service_answers_its_other_addresses_without_internal_details()
    {
        // Documents and pages name what they describe (metric scopes, the broker subscribers connect to): headers only.
        string[] documents = ["/metrics", "/asyncapi.json", "/openapi/v1.json", "/dashboard/", "/reference/"];
        foreach (var path in documents.Concat(["/", "/health", "/no/such/page"]))
        foreach (var query in new[] { "", "?x=%00", "?" + new string('a', 5000) })
            await Sends("GET", path, query, "", checkBody: !documents.Contains(path));
    }

    [Fact]
    public async Task unknown_addresses_and_methods_are_answered_without_internal_details()
    {
        var operations = await Operations();
        foreach (var template in operations.Select(o => o.Template).Distinct())
        foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE" }
                     .Where(m => !operations.Any(o => o.Template == template && o.Method == m)))
            await Sends(method, Fill(template, AccountNumber), "", Body(method));
        foreach (var path in new[] { "/api", "/api/", "/api/no/such", "/api/accounts", "/api/accounts/X-1/no-such", "/api/../health" })
            await Sends("GET", path, "", "");
    }

    /// <summary>Every operation in the OpenAPI document: method, path template and query parameter names.</summary>
    private async Task<List<(string Method, string Template, List<string> Query)>> Operations()
    {
        var document = JsonDocument.Parse(await Host.GetAsText("/openapi/v1.json")).RootElement;
        return document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(op =>
            (op.Name.ToUpperInvariant(), path.Name, op.Value.TryGetProperty("parameters", out var ps)
                ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                : []))).ToList();
    }

    private static string Fill(string template, string value) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}", m => m.Groups[1].Value switch
        {
            "accountNumber" => value,
            _ => value == AccountNumber ? "X-1" : value
        });

    private static string Body(string method) => method == "GET" ? "" : "{}";

    private async Task Sends(string method, string path, string query, string body, string? contentType = "application/json",
        Dictionary<string, string>? headers = null, bool checkBody = true)
    {
        var result = await Host.Scenario(x =>
        {
            x.ConfigureHttpContext(c =>
            {
                c.Request.Method = method;
                c.Request.Path = PathString.FromUriComponent(path);
                c.Request.QueryString = new QueryString(query);
                if (method != "GET")
                {
                    var bytes = Encoding.UTF8.GetBytes(body);
                    c.Request.Body = new MemoryStream(bytes);
                    c.Request.ContentLength = bytes.Length;
                    c.Request.ContentType = contentType;
                }

                foreach (var (name, value) in headers ?? []) c.Request.Headers[name] = value;
            });
            x.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        var sent = $"{method} {path}{query} {string.Join(" ", (headers ?? []).Values)} {body}";
        var answer = string.Join("\n", response.Headers.Select(h => $"{h.Key}: {h.Value}"))
                     + (checkBody ? "\n" + await result.ReadAsTextAsync() : "");
        response.StatusCode.ShouldBeLessThan(500, $"{sent}\n{answer}");
        answer.ShouldNameNothingInternal(Uri.UnescapeDataString(sent), sent);
    }
}

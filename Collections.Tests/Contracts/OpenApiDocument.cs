using System.Text.Json;
using Alba;
using Collections.Tests.Support;

namespace Collections.Tests.Contracts;

public sealed class OpenApiDocument(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task every_operation_lists_every_status_it_can_answer_with_a_schema()
    {
        var document = JsonDocument.Parse(await Host.GetAsText("/openapi/v1.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Op: op.Value))).ToList();
        operations.ShouldNotBeEmpty();
        operations.Where(o => o.Op.TryGetProperty("operationId", out _)).Select(o => o.Op.GetProperty("operationId").GetString())
            .ShouldBeUnique("client generators name methods after operation ids");
        foreach (var (path, method, op) in operations.Where(o => o.Path.StartsWith("/api/") && !o.Path.StartsWith("/api/dead-letters")))
        {
            var statuses = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            var command = method is "post" or "put" && path.StartsWith("/api/accounts/");
            var expected = command ? new[] { "400", "401", "403", "409", "413", "415", "422", "429", "503" } : ["400", "401", "403", "429", "503"];
            expected.ShouldBeSubsetOf(statuses, $"{method} {path}");
            statuses.ShouldNotContain("500", $"{method} {path}");
            op.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name))
                .ShouldBe(["bearer", "apiKey"], $"{method} {path}: a token or an API key");
            op.GetProperty("summary").GetString()!.ShouldNotContain("_api_", Case.Sensitive, $"{method} {path}: a readable summary");
            var success = op.GetProperty("responses").GetProperty(method == "put" && path == "/api/accounts/{accountNumber}" || path == "/api/api-keys" && method == "post" ? "201" : "200");
            success.GetProperty("content").GetProperty("application/json").GetProperty("schema").ValueKind.ShouldBe(JsonValueKind.Object, $"{method} {path}");
        }
    }

    [Fact]
    public async Task the_conformance_check_catches_a_status_or_a_body_the_document_does_not_allow()
    {
        var conformance = new OpenApiConformance(await Host.GetAsText("/openapi/v1.json"));
        var route = "/api/accounts/{accountNumber}/payments";
        conformance.Check(new RecordedAnswer("POST", route, 200, "application/json",
            """{"accountNumber":"A-1","version":3,"eventsAppended":["PaymentReceived"]}""")).ShouldBeNull();
        conformance.Check(new RecordedAnswer("POST", route, 200, "application/json",
            """{"accountNumber":"A-1","version":"three","eventsAppended":["PaymentReceived"]}""")).ShouldNotBeNull();
        conformance.Check(new RecordedAnswer("POST", route, 418, "application/json", "{}")).ShouldNotBeNull();
        conformance.Check(new RecordedAnswer("POST", "/api/accounts/A-1/payments", 415, "application/problem+json",
            """{"title":"Unsupported","status":415,"errors":{"Content-Type":["must be application/json."]},"traceId":"x"}""")).ShouldBeNull();
    }

    [Fact]
    public async Task every_command_has_an_example_body_that_fits_its_own_schema()
    {
        var text = await Host.GetAsText("/openapi/v1.json");
        var document = new SchemaDocument(System.Text.Json.Nodes.JsonNode.Parse(text)!, "openapi.json");
        var paths = document.Root["paths"]!.AsObject();
        var commands = paths.SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "post" or "put")
            .Select(o => (Name: $"{o.Key} {p.Key}", Body: o.Value!["requestBody"]))).Where(c => !c.Name.Contains("dead-letters")).ToList();
        commands.Count.ShouldBe(20); // 19 on an account, and creating an API key
        foreach (var (name, body) in commands)
        {
            var media = body!["content"]!["application/json"]!;
            media["example"].ShouldNotBeNull(name);
            document.Violations(media["schema"]!, media["example"]!.ToJsonString()).ShouldBeNull(name);
        }
    }

    [Fact]
    public async Task the_reference_page_is_served_with_its_scripts()
    {
        var page = await Host.Scenario(x =>
        {
            x.Get.Url("/reference/");
            x.StatusCodeShouldBeOk();
        });
        page.Context.Response.ContentType.ShouldStartWith("text/html");
        (await page.ReadAsTextAsync()).ShouldContain("openapi/v1.json");
    }
}

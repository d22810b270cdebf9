using System.Text.Json.Nodes;

namespace Collections.Tests.Contracts;

/// <summary>Holds recorded answers to the OpenAPI document: the status is listed for the operation, the body fits its schema.</summary>
public sealed class OpenApiConformance
{
    private readonly SchemaDocument _schemas;
    private readonly JsonNode _document;

    public OpenApiConformance(string openApiJson)
    {
        _document = JsonNode.Parse(openApiJson)!;
        _schemas = new SchemaDocument(_document, "openapi.json");
    }

    /// <summary>Throws, listing the first violations, unless every answer conforms; writes the tally to .local/reliability.</summary>
    public static void ShouldHoldFor(string openApiJson, IReadOnlyCollection<RecordedAnswer> answers)
    {
        var conformance = new OpenApiConformance(openApiJson);
        var violations = answers.Select(conformance.Check).OfType<string>().ToList();
        Collections.Tests.Reliability.Figures.Write("openapi-conformance",
            $"[openapi] {answers.Count} answers over {answers.Select(a => $"{a.Method} {conformance.PathOf(a.Route)}").Distinct().Count()} operations held to the document: " +
            $"{violations.Count} violations");
        File.WriteAllLines(Path.Combine(Collections.Tests.Support.Repository.Root, ".local", "openapi-violations.txt"), violations.Distinct());
        if (violations.Count > 0)
            throw new InvalidOperationException($"{violations.Count} of {answers.Count} answers do not match the OpenAPI document:\n  " +
                                                string.Join("\n  ", violations.Distinct().Take(30)));
    }

    /// <returns>What is wrong with the answer, or null when it conforms.</returns>
    public string? Check(RecordedAnswer answer)
    {
        var what = $"{answer.Method} {answer.Route} → {answer.Status}";
        if (_document["paths"]?[PathOf(answer.Route)]?[answer.Method.ToLowerInvariant()] is not JsonObject operation)
            return $"{what}: the operation is not in the document";
        if (operation["responses"]?[answer.Status.ToString()] is not JsonObject response)
            return $"{what}: status not listed (listed: {string.Join(", ", ((JsonObject)operation["responses"]!).Select(r => r.Key))})";
        if (response["content"] is not JsonObject content || answer.Body.Length == 0) return null;

        var mediaType = answer.ContentType?.Split(';')[0].Trim() ?? "";
        if (content[mediaType]?["schema"] is not JsonNode schemaNode)
            return $"{what}: content type {mediaType} not listed (listed: {string.Join(", ", content.Select(c => c.Key))})";

        return _schemas.Violations(schemaNode, answer.Body) is { } errors
            ? $"{what}: body does not fit the schema: {errors}; body: {Truncate(answer.Body)}"
            : null;
    }

    /// <summary>
    /// The document's path for a route template, or for a raw path when routing answered before choosing an
    /// endpoint (a 415 for a body that is not JSON).
    /// </summary>
    public string PathOf(string route)
    {
        var trimmed = route.Length > 1 ? route.TrimEnd('/') : route;
        var paths = ((JsonObject)_document["paths"]!).Select(p => p.Key).ToList();
        if (paths.Contains(trimmed)) return trimmed;
        return paths.FirstOrDefault(template => System.Text.RegularExpressions.Regex.IsMatch(trimmed,
            "^" + System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", "[^/]+") + "$")) ?? trimmed;
    }

    private static string Truncate(string body) => body.Length > 300 ? body[..300] + "…" : body;
}

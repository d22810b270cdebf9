using System.Text.Json.Nodes;
using Json.Schema;

namespace Collections.Tests.Contracts;

/// <summary>A contract document (OpenAPI, AsyncAPI) whose embedded JSON schemas bodies are checked against, $refs included.</summary>
public sealed class SchemaDocument
{
    private readonly Uri _uri;
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List };

    public SchemaDocument(JsonNode document, string name)
    {
        Root = document;
        _uri = new Uri($"https://collections.test/{name}");
        _options.SchemaRegistry.Register(_uri, new JsonNodeBaseDocument(document, _uri));
    }

    public JsonNode Root { get; }

    /// <returns>Why the body does not fit the schema, or null when it does.</returns>
    public string? Violations(JsonNode schema, string body)
    {
        var result = JsonSchema.FromText(Rebase(schema).ToJsonString()).Evaluate(JsonNode.Parse(body), _options);
        if (result.IsValid) return null;
        return string.Join("; ", result.Details.Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5));
    }

    /// <summary>Local "#/components/..." references point into the registered document.</summary>
    private JsonNode Rebase(JsonNode schema)
    {
        var copy = JsonNode.Parse(schema.ToJsonString())!;
        foreach (var node in Walk(copy).OfType<JsonObject>())
            if (node["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith('#'))
                node["$ref"] = _uri + reference.GetValue<string>();
        return copy;
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => []
        };
        foreach (var child in children.Where(c => c is not null))
        foreach (var descendant in Walk(child!))
            yield return descendant;
    }
}

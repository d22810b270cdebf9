using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Collections.Domain.Common;

namespace Collections.Api.Infrastructure;

/// <summary>What a JSON body may look like, and how a body that does not is explained to the caller.</summary>
public static partial class JsonInput
{
    /// <summary>Framework options first: a key given twice is refused, not "last one wins".</summary>
    public static void Harden(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        // The web defaults read "12.50" as a number; a number sent as a string is a client bug to hear about.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new CleanStringConverter());
    }

    /// <summary>
    /// The field at fault, named as the validation names it (<c>contacts[0].email</c>; <c>body</c> for the whole
    /// body), from the exception's JSON path, and what is wrong with it in words.
    /// </summary>
    public static (string Field, string Message) Describe(JsonException e)
    {
        var field = Field(e.Path);
        var message = e.Message;
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
            return (Join(field, unmapped.Groups[1].Value), "is not a known field.");
        if (DuplicateProperty().Match(message) is { Success: true } duplicate)
            return (Join(field, duplicate.Groups[1].Value), "is given more than once.");
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return (field, $"is nested too deeply (at most {RequestBodyGate.MaxDepth} levels).");
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            return ("body", "is empty; send a JSON object.");
        if (NotConverted().Match(message) is { Success: true } notConverted)
            return (field, Expected(notConverted.Groups[1].Value));
        if (e.GetType() != typeof(JsonException)) // the reader's own: the text is not JSON at all
            return (field, $"is not valid JSON: {WithoutPosition(message)}");
        return (field, WithoutPosition(message));
    }

    private static string Field(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The path names the property itself, or (for some errors) only the object holding it.</summary>
    private static string Join(string path, string name) =>
        path == "body" ? name
        : path == name || path.EndsWith($".{name}", StringComparison.Ordinal) || path.EndsWith($"['{name}']", StringComparison.Ordinal) ? path
        : $"{path}.{name}";

    private static string Expected(string typeName)
    {
        var type = NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups[1].Value : typeName;
        return type switch
        {
            "System.Decimal" or "System.Int32" or "System.Int64" or "System.Double" =>
                "must be a JSON number within range (not a string).",
            "System.String" => "must be a JSON string.",
            "System.DateOnly" => "must be a date (yyyy-MM-dd).",
            "System.DateTimeOffset" or "System.DateTime" => "must be an instant (ISO 8601, e.g. 2026-11-23T09:15:00Z).",
            "System.Boolean" => "must be true or false.",
            _ when typeof(Validation).Assembly.GetType(type) is { IsEnum: true } enumType =>
                $"must be one of {string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName))}.",
            _ when type.Contains("List`1", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) =>
                "must be a JSON array.",
            _ => "must be a JSON object."
        };
    }

    private static string WithoutPosition(string message) =>
        message.IndexOf(" Path:", StringComparison.Ordinal) is var at and > 0 ? message[..at]
        : message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var line and > 0 ? message[..line].TrimEnd(' ', '|')
        : message;

    [GeneratedRegex(@"The JSON property '(.+?)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"[Dd]uplicate property '(.+?)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"could not be converted to ([^ ]+?)\.? Path")]
    private static partial Regex NotConverted();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();
}

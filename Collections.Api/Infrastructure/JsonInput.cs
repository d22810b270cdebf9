using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

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
    public static (string Field, string Message) Describe(JsonException e, Type command, JsonSerializerOptions options)
    {
        var field = Field(e.Path);
        var message = e.Message;
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
            return unmapped.Groups[1].Value.Length == 0
                ? (field, "has a property with an empty name, which is not a known field.")
                : (Join(field, unmapped.Groups[1].Value), "is not a known field.");
        if (DuplicateProperty().Match(message) is { Success: true } duplicate)
            return (Join(field, duplicate.Groups[1].Value), "is given more than once.");
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return (field, $"is nested too deeply (at most {RequestBodyGate.MaxDepth} levels).");
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            return ("body", "is empty; send a JSON object.");
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return (field, Expected(TypeAt(command, field, options)));
        if (e.GetType() != typeof(JsonException)) // the reader's own: the text is not JSON at all
            return (field, $"is not valid JSON: {WithoutPosition(message)}");
        return (field, WithoutPosition(message));
    }

    private static string Field(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The path names the property itself, or (for some errors) only the object holding it.</summary>
    /// <remarks>Names are matched regardless of case, as the serializer matches them ("Amount" is "amount").</remarks>
    private static string Join(string path, string name)
    {
        if (path == "body" || path.Equals(name, StringComparison.OrdinalIgnoreCase)) return name;
        if (path.EndsWith($".{name}", StringComparison.OrdinalIgnoreCase)) return path[..^name.Length] + name;
        return path.EndsWith($"['{name}']", StringComparison.OrdinalIgnoreCase) ? path : $"{path}.{name}";
    }

    /// <summary>The .NET type the serializer expected at a field path (<c>contacts[0].role</c>), from its own metadata.</summary>
    private static Type? TypeAt(Type command, string field, JsonSerializerOptions options)
    {
        if (field == "body") return command;
        Type? type = command;
        foreach (Match step in PathStep().Matches(field))
        {
            var info = options.GetTypeInfo(type!);
            type = step.Groups[1].Success
                ? info.Properties.FirstOrDefault(p => p.Name.Equals(step.Groups[1].Value, StringComparison.OrdinalIgnoreCase))?.PropertyType
                : info.Kind == JsonTypeInfoKind.Enumerable ? info.ElementType : null;
            if (type is null) return null;
        }

        return type;
    }

    private static string Expected(Type? expected)
    {
        var type = expected is null ? null : Nullable.GetUnderlyingType(expected) ?? expected;
        return type switch
        {
            null => "has the wrong type.",
            { IsEnum: true } => $"must be one of {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}.",
            // Every integer and floating-point type (Wolverine's own requests use uint, for one).
            _ when Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal =>
                "must be a JSON number within range (not a string).",
            _ when type == typeof(string) => "must be a JSON string.",
            _ when type == typeof(DateOnly) => "must be a date (yyyy-MM-dd).",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) =>
                "must be an instant (ISO 8601 with an offset, e.g. 2026-11-23T09:15:00Z).",
            _ when type == typeof(bool) => "must be true or false.",
            _ when type == typeof(Guid) => "must be a UUID (e.g. 0b9c1a5e-3f6d-4a8e-9c2b-7d1e5f3a9b40).",
            _ when type == typeof(Uri) => "must be a URI.",
            _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "must be a JSON array.",
            _ => "must be a JSON object."
        };
    }

    private static string WithoutPosition(string message) =>
        message.IndexOf(" Path:", StringComparison.Ordinal) is var at and > 0 ? message[..at]
        : message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var line and > 0 ? message[..line].TrimEnd(' ', '|')
        : message;

    [GeneratedRegex(@"The JSON property '(.*?)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"[Dd]uplicate property '(.+?)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"\.?([^.\[\]]+)|\[(\d+)\]")]
    private static partial Regex PathStep();
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Refuses, in every string of a body, control characters other than tab, CR and LF, and unpaired surrogates.
/// PostgreSQL refuses a NUL in jsonb, and a lone surrogate, only once the append is under way, and Marten then
/// writes tombstones; refused here, the request writes nothing. The serializer adds the field's path.
/// </summary>
// Hand-written: System.Text.Json has no option that refuses control characters or lone surrogates in strings.
public sealed class CleanStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Check(Text(ref reader));

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Check(Text(ref reader));

    /// <summary>The reader refuses an escaped lone surrogate (<c>"\ud800"</c>) itself, in words about UTF-16.</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException) when (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            throw new JsonException("must not contain an unpaired surrogate (an escape between \\ud800 and \\udfff without its pair).");
        }
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Check(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done)
                throw new JsonException($"must not contain an unpaired surrogate (U+{(int)rest[0]:X4}).");
            if (Rune.IsControl(rune) && rune.Value is not ('\t' or '\r' or '\n'))
                throw new JsonException($"must not contain the control character U+{rune.Value:X4}; only tab, CR and LF are allowed.");
            rest = rest[used..];
        }

        return value;
    }
}

using System.Text.Json;

namespace Collections.Api.ReadSide;

/// <summary>Query-string enums spelled as in JSON bodies (camelCase, e.g. <c>kind=finalNoticeDeadline</c>).</summary>
public static class QueryValues
{
    public static bool TryEnum<T>(string? value, string field, out T? parsed, out IResult? problem) where T : struct, Enum
    {
        parsed = null;
        problem = null;
        if (value is null) return true;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var result) && Enum.IsDefined(result) && !int.TryParse(value, out _))
        {
            parsed = result;
            return true;
        }

        problem = Results.ValidationProblem(new Dictionary<string, string[]>
        {
            [field] = [$"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName))}."]
        });
        return false;
    }
}

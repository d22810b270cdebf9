using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Collections.Tests.Support;

/// <summary>
/// The default credit policy with its days and hours rewritten as seconds, for ladders that run in real time; without
/// its calendar, since a real-time run on a Saturday would otherwise wait for Monday.
/// </summary>
public static partial class FastPolicy
{
    [GeneratedRegex("\"(\\d+)([dh])\"")]
    private static partial Regex DaysOrHours();

    [GeneratedRegex("\"at\": \"\\d\\d:\\d\\d\", ")]
    private static partial Regex TimeOfDay();

    /// <param name="seconds">The seconds a duration becomes, given its number and unit ('d' or 'h').</param>
    public static async Task<string> WriteAsync(string directory, Func<int, char, int> seconds)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));
        json = TimeOfDay().Replace(json, "");
        json = DaysOrHours().Replace(json, m => $"\"{seconds(int.Parse(m.Groups[1].Value), m.Groups[2].Value[0])}s\"");
        var policy = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        policy.AsObject().Remove("calendar");
        json = policy.ToJsonString();
        var path = Path.Combine(directory, "fast-policy.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}

using System.Text.RegularExpressions;

namespace Collections.Tests.Support;

/// <summary>
/// What no answer may contain: .NET type and namespace names, exception names and stack frames, SQL and table
/// names, file paths, connection strings, credentials, server addresses. A pattern the request itself carried
/// (an account number "SELECT 1", echoed in a 404) is the caller's own text, not a leak.
/// </summary>
public static partial class InternalDetails
{
    private static readonly string[] Words =
    [
        "System.", "Microsoft.", "Collections.Domain", "Collections.Api", "Collections.Projections", "Npgsql", "Marten",
        "Wolverine", "JasperFx", "Weasel", "RabbitMQ.Client", "Exception", "   at ", ".cs:line", "/work/", "/root/", "/usr/",
        "/tmp/", "Host=", "Password", "Username=", "User ID=", "mt_events", "mt_streams", "mt_doc_", "wolverine_",
        "127.0.0.1", "localhost", "postgresql://", "amqp://", "wolverinedb://"
    ];

    /// <summary>The patterns found in <paramref name="answer"/> that <paramref name="sent"/> did not contain.</summary>
    public static IReadOnlyList<string> In(string answer, string sent = "")
    {
        var found = Words.Where(w => answer.Contains(w, StringComparison.OrdinalIgnoreCase)
                                     && !sent.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var pattern in new[] { StackFrame(), Sql() })
            found.AddRange(pattern.Matches(answer).Select(m => m.Value).Where(v => !sent.Contains(v, StringComparison.OrdinalIgnoreCase)));
        return found;
    }

    public static void ShouldNameNothingInternal(this string answer, string sent = "", string? context = null) =>
        In(answer, sent).ShouldBeEmpty($"{context ?? "an answer"} names something internal: {Shorten(answer)}");

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;

    /// <summary>"at Collections.Api.X.Method(" or "at Method() in /path/File.cs".</summary>
    [GeneratedRegex(@"\bat [\w.`<>+\[\]]+\.[\w<>`]+\(")]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\b(select\s.+\sfrom|insert\s+into|delete\s+from|update\s+\w+\s+set)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sql();
}

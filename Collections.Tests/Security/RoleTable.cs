using Collections.Tests.Support;

namespace Collections.Tests.Security;

/// <summary>The role table of docs/security.md, read from the document itself: what the tests enforce is what it says.</summary>
public sealed record RoleRule(string Method, string Path, IReadOnlyDictionary<string, string> Grants)
{
    public override string ToString() => $"{Method} {Path}";

    public static IReadOnlyList<RoleRule> FromDocs()
    {
        var lines = File.ReadAllLines(System.IO.Path.Combine(Repository.Root, "docs", "security.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| Method | Path |"));
        var roles = Cells(lines[header])[2..];
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(Cells)
            .Select(cells => new RoleRule(cells[0], cells[1].Trim('`'),
                roles.Select((role, i) => (role, cells[i + 2])).ToDictionary(x => x.role, x => x.Item2)))
            .ToList();
    }

    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}

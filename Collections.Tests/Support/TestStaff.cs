namespace Collections.Tests.Support;

/// <summary>
/// The people the tests' accounts are assigned to (<c>collector-1</c>, <c>collector-2</c>, …, and a collector per test
/// tenant), added to a copy of the shipped policy's staff register: test accounts are worked by collections staff like
/// any other. <c>collector-1</c> is Sam Porter, as the tests' tokens name them.
/// </summary>
public static class TestStaff
{
    public static readonly IReadOnlyList<(string Id, string Name)> Collectors =
    [
        ("collector-1", "Sam Porter"), ("collector-2", "Chris Park"), ("collector-3", "Robin Hart"),
        ("acme-collector", "Alex Acme"), ("globex-collector", "Gail Globex")
    ];

    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "policies", "default.json");

    /// <summary>The policy <paramref name="json"/> with the test collectors in its <c>staff</c>.</summary>
    public static string AddTo(string json)
    {
        const string register = "\"staff\": {";
        if (!json.Contains(register)) throw new InvalidOperationException("The policy has no staff register to add the test collectors to.");
        return json.Replace(register, register + string.Concat(Collectors.Select(c =>
            $"\n    \"{c.Id}\": {{ \"name\": \"{c.Name}\", \"role\": \"collector\", \"title\": \"Collections Officer\" }},")));
    }

    /// <summary>Writes the shipped policy with the test collectors to <paramref name="directory"/>; returns its path.</summary>
    public static async Task<string> WriteDefaultPolicy(string directory, Func<string, string>? change = null)
    {
        var path = Path.Combine(directory, "default-with-test-staff.json");
        await File.WriteAllTextAsync(path, (change ?? (j => j))(AddTo(await File.ReadAllTextAsync(Shipped))));
        return path;
    }
}

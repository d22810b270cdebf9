using Collections.Tests.Support;

namespace Collections.Tests.Reliability;

/// <summary>
/// The figures a reliability test measured, kept in .local/reliability/&lt;test&gt;.txt (one file per test, replaced by
/// its next run) so that CI can print them after the run; the test's own output has the detail.
/// </summary>
public static class Figures
{
    public static void Write(string test, string line)
    {
        var folder = Path.Combine(Repository.Root, ".local", "reliability");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{test}.txt"), $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC {line}\n");
    }
}

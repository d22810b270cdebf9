namespace Collections.Tests.Support;

/// <summary>Environment variables a host reads at start-up, set for one test and put back afterwards.</summary>
public sealed class ProcessEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();

    public ProcessEnvironment Set(string name, string value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }
}

/// <summary>
/// Ports for the API processes tests start, above COLLECTIONS_PORT (default 5080, so 5181 and up), so checkouts that
/// run their suites side by side on one machine, each with its own COLLECTIONS_PORT, do not take each other's.
/// </summary>
public static class TestPorts
{
    public static int Api(int offset) =>
        (int.TryParse(Environment.GetEnvironmentVariable("COLLECTIONS_PORT"), out var port) ? port : 5080) + 100 + offset;

    /// <summary>A throwaway PostgreSQL next to this checkout's cluster port, so that runs in other checkouts never share it.</summary>
    public static int Postgres(int offset) =>
        (int.TryParse(Environment.GetEnvironmentVariable("COLLECTIONS_PG_PORT"), out var port) ? port : 55432) + 29 + offset;
}

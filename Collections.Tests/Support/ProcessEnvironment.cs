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

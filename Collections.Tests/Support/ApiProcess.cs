using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Collections.Tests.Support;

/// <summary>
/// The built API (Collections.Api.dll) run as a real OS process, as it runs in production: its own runtime, its own
/// Wolverine node, killable with SIGKILL. Every process started here dies with the test that started it, and with
/// the test run if a test forgets (or the runner exits early).
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly StreamWriter _file;
    private bool _closed;
    private readonly TaskCompletionSource<(Guid Id, int Number)> _node = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static ApiProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values) TryKill(process);
    };

    private ApiProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Tokens.Admin);
        LogFile = Path.Combine(Path.GetTempPath(), "collections-reliability", $"{name}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        _file = new StreamWriter(LogFile, append: false) { AutoFlush = true };
    }

    /// <summary>Everything the process wrote, kept after the test for a post-mortem (overwritten by the next run).</summary>
    public string LogFile { get; }

    public string Name { get; }
    public int Port { get; }
    public HttpClient Client { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>The Wolverine node this process registered as (from its start-up log).</summary>
    public Task<(Guid Id, int Number)> Node => _node.Task;

    /// <summary>The API assembly built beside the tests (same configuration: Debug or Release).</summary>
    public static string ApiAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(Repository.Root, "Collections.Api", "bin", configuration, "net10.0", "Collections.Api.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build Collections.Api first.", path);
        }
    }

    [GeneratedRegex(@"Starting agents for Node ([0-9a-f-]{36}) with assigned node id (\d+)")]
    private static partial Regex NodeStart();

    /// <summary>Starts the API on 127.0.0.1:<paramref name="port"/> with the given settings; returns once it is listening.</summary>
    public static async Task<ApiProcess> StartAsync(string name, int port, IReadOnlyDictionary<string, string> settings,
        TimeSpan? timeout = null)
    {
        var assembly = ApiAssembly;
        var info = new ProcessStartInfo("dotnet", [assembly, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        // Request logs are noise here; Wolverine's agent and node messages are what a failure report needs.
        info.Environment["Collections__Auth__DevelopmentSigningKeyFile"] = Tokens.KeyFile;
        info.Environment["Logging__LogLevel__Default"] = "Information";
        info.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        info.Environment["Logging__LogLevel__Marten.IDocumentStore"] = "Warning";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        info.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        foreach (var (key, value) in GenerousRateLimits.AsEnvironment()) info.Environment[key] = value;
        foreach (var (key, value) in settings) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var api = new ApiProcess(name, port, process);
        process.OutputDataReceived += (_, e) => api.Record(e.Data);
        process.ErrorDataReceived += (_, e) => api.Record(e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        using var probe = new HttpClient { BaseAddress = api.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} while starting:\n{api.LogTail(60)}");
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return api;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > until)
            {
                await api.DisposeAsync();
                throw new TimeoutException($"{name} did not answer /health in time:\n{api.LogTail(60)}");
            }

            await Task.Delay(250);
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        lock (_file)
            if (!_closed) _file.WriteLine(line);
        while (_log.Count > 3000) _log.TryDequeue(out _);
        if (NodeStart().Match(line) is { Success: true } m)
            _node.TrySetResult((Guid.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)));
    }

    public string LogTail(int lines) => string.Join('\n', _log.TakeLast(lines));

    public IEnumerable<string> LogLines(Func<string, bool> match) => _log.Where(match).ToList();

    /// <summary>SIGKILL: no shutdown hooks, no draining, no goodbye to the cluster.</summary>
    public void Kill()
    {
        TryKill(_process);
        _process.WaitForExit(10_000);
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Running.TryRemove(_process.Id, out _);
        Client.Dispose();
        _process.Dispose();
        lock (_file)
        {
            _closed = true;
            _file.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}

using System.Diagnostics;
using Npgsql;

namespace Collections.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb in a temporary folder, 127.0.0.1 only, trust authentication), for
/// tests that stop the database: the shared test cluster stays up for everyone else. As root, the server binaries
/// run as user <c>postgres</c>, as scripts/pg.sh does.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _bin;

    private ThrowawayPostgres(string root, string bin, int port) => (_root, _bin, Port) = (root, bin, port);

    public int Port { get; }
    private string Data => Path.Combine(_root, "data");
    private static bool IsRoot => Environment.UserName == "root";

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=collections";

    public static async Task<ThrowawayPostgres> StartAsync(int port)
    {
        var bin = Environment.GetEnvironmentVariable("COLLECTIONS_PG_BINDIR") is { Length: > 0 } given ? given
            : Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                  .Where(d => File.Exists(Path.Combine(d, "initdb")))
                  .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                  .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL server binaries not found (set COLLECTIONS_PG_BINDIR).");
        // Not under /tmp's per-user folders: user postgres must be able to reach it.
        var root = Path.Combine(Path.GetTempPath(), $"collections-pg-{port}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        var cluster = new ThrowawayPostgres(root, bin, port);
        if (IsRoot) await Run("chown", ["postgres:postgres", root]);
        await cluster.AsPostgres("initdb", ["-D", cluster.Data, "-U", "collections", "--auth=trust", "-E", "UTF8", "--locale=C"]);
        await File.AppendAllTextAsync(Path.Combine(cluster.Data, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{root}'\nport = {port}\nfsync = off\n");
        await cluster.StartServerAsync();
        return cluster;
    }

    public async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {database}", connection);
        await create.ExecuteNonQueryAsync();
    }

    public Task StartServerAsync() =>
        AsPostgres("pg_ctl", ["start", "-D", Data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60"]);

    /// <summary>A clean stop (mode fast): open connections are cut, new ones refused, until <see cref="StartServerAsync"/>.</summary>
    public Task StopServerAsync() => AsPostgres("pg_ctl", ["stop", "-D", Data, "-m", "fast", "-w", "-t", "60"]);

    public string ServerLogTail(int lines) =>
        File.Exists(Path.Combine(_root, "server.log"))
            ? string.Join('\n', File.ReadLines(Path.Combine(_root, "server.log")).TakeLast(lines)) : "";

    private Task AsPostgres(string tool, string[] args) => IsRoot
        ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
        : Run(Path.Combine(_bin, tool), args);

    private static async Task Run(string file, string[] args)
    {
        // pg_ctl's server keeps the inherited pipes open; read nothing from it, let it log to its file.
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgres("pg_ctl", ["stop", "-D", Data, "-m", "immediate", "-w", "-t", "30"]);
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

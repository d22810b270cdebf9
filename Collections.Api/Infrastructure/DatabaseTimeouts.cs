using System.Data.Common;
using Npgsql;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Npgsql waits 15 s to connect and 30 s for a command by default, so with PostgreSQL gone or hung a request would
/// hang that long. These bounds make it fail fast into a 503 (<see cref="DatabaseUnavailableHandler"/>). Marten's
/// read retries (three, 50 ms apart and doubling) do not retry a timeout, and its commit retries never retry a
/// lost connection, so these bounds are close to the longest a request waits. A connection string that sets its
/// own values keeps them.
/// </summary>
public static class DatabaseTimeouts
{
    public const int ConnectSeconds = 3;
    public const int CommandSeconds = 10;

    private static readonly string[] ConnectKeys = ["Timeout"];
    private static readonly string[] CommandKeys = ["Command Timeout", "CommandTimeout"];

    public static string Bound(string connectionString)
    {
        // The generic builder keeps the keys as written, so we see what the user set (Npgsql's own would not say).
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bounded = new NpgsqlConnectionStringBuilder(connectionString);
        if (!ConnectKeys.Any(keys.Contains)) bounded.Timeout = ConnectSeconds;
        if (!CommandKeys.Any(keys.Contains)) bounded.CommandTimeout = CommandSeconds;
        return bounded.ConnectionString;
    }
}

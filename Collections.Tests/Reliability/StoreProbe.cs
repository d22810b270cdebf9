using Npgsql;

namespace Collections.Tests.Reliability;

/// <summary>Reads the event store's table directly, as an auditor or an operator with psql would.</summary>
public static class StoreProbe
{
    public static string Connection => Environment.GetEnvironmentVariable("ConnectionStrings__Marten")!;

    public static async Task<long> Tombstones(string? connection = null) =>
        await Scalar("select count(*) from collections.mt_events where stream_id = 'mt_tombstone'", connection);

    public static async Task<long> Scalar(string sql, string? connection = null)
    {
        await using var db = new NpgsqlConnection(connection ?? Connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

using Npgsql;

namespace Collections.Tests.Reliability;

/// <summary>What mt_events holds, read with plain SQL (tombstone rows of stream mt_tombstone skipped).</summary>
public static class EventLedger
{
    private const string NotTombstone = "not (type = 'tombstone' and stream_id = 'mt_tombstone')";

    /// <summary>How often each command's effect is stored: account opened per account, invoice per number, payment per id.</summary>
    public static async Task<Dictionary<string, int>> StoredCommands(string connectionString, string prefix)
    {
        var sql = $"""
            select stream_id, count(*) from collections.mt_events
             where type = 'account_opened' and stream_id like @prefix and {NotTombstone} group by stream_id
            union all
            select data->>'invoiceNumber', count(*) from collections.mt_events
             where type = 'invoice_issued' and stream_id like @prefix and {NotTombstone} group by 1
            union all
            select data->>'paymentId', count(*) from collections.mt_events
             where type = 'payment_received' and stream_id like @prefix and {NotTombstone} group by 1
            """;
        var stored = new Dictionary<string, int>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("prefix", prefix + "-%");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) stored[reader.GetString(0)] = stored.GetValueOrDefault(reader.GetString(0)) + (int)reader.GetInt64(1);
        return stored;
    }

    /// <summary>Escalation work per account, step and kind (scheduled, letter or email sent, task created).</summary>
    public static async Task<List<(string Account, string Type, string StepId, int Count)>> EscalationSteps(string connectionString, string prefix)
    {
        var sql = $"""
            select stream_id, type, data->>'stepId', count(*) from collections.mt_events
             where type in ('dunning_step_scheduled', 'reminder_sent', 'collection_task_created')
               and stream_id like @prefix and {NotTombstone}
             group by 1, 2, 3 order by 1, 2, 3
            """;
        var steps = new List<(string, string, string, int)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("prefix", prefix + "-%");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), (int)reader.GetInt64(3)));
        return steps;
    }

    public static async Task<long> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    /// <summary>Rows of a query as tuples of strings, for diagnostics and the node tables.</summary>
    public static async Task<List<string[]>> Rows(string connectionString, string sql)
    {
        var rows = new List<string[]>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString()!).ToArray());
        return rows;
    }
}

using Npgsql;
using Wolverine.Runtime.Serialization;

namespace Collections.Tests.Tenancy;

/// <summary>Reads one database with plain SQL, as an operator with psql would: not through the service or Marten.</summary>
public sealed class DatabaseProbe(string connectionString)
{
    public sealed record StoredEnvelope(string MessageType, string Status, string? Tenant);

    /// <summary>Per table of the schema with a tenant_id column (events, streams, every tenanted document), the tenant's rows.</summary>
    public async Task<Dictionary<string, long>> RowsOf(string tenant)
    {
        await using var connection = await OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "select table_name from information_schema.columns where table_schema = 'collections' and column_name = 'tenant_id'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var rows = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from collections.{table} where tenant_id = @tenant", connection)
                { Parameters = { new("tenant", tenant) } };
            rows[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return rows;
    }

    /// <summary>Tables holding at least one row of the tenant.</summary>
    public async Task<List<string>> TablesHolding(string tenant) =>
        (await RowsOf(tenant)).Where(t => t.Value > 0).Select(t => t.Key).Order().ToList();

    /// <summary>Every envelope in Wolverine's inbox (local queues and scheduled messages), with the tenant it carries.</summary>
    public async Task<List<StoredEnvelope>> Inbox()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select message_type, status, body from collections.wolverine_incoming_envelopes", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var envelopes = new List<StoredEnvelope>();
        while (await reader.ReadAsync())
            envelopes.Add(new StoredEnvelope(reader.GetString(0), reader.GetString(1),
                EnvelopeSerializer.Deserialize(reader.GetFieldValue<byte[]>(2)).TenantId));
        return envelopes;
    }

    public async Task<long> Scalar(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}

using Npgsql;

namespace Collections.Tests.Support;

/// <summary>A fresh database beside the test run's own, for hosts that must not share one with the others.</summary>
public static class TestDatabase
{
    public static async Task<string> Recreate(string suffix)
    {
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
            ?? AppFixture.DefaultConnection);
        var database = $"{builder.Database}_{suffix}";
        builder.Database = "postgres";
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {database} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = database;
        return builder.ConnectionString;
    }
}

using Npgsql;

namespace Collections.Api.Health;

/// <summary>How many events wait, and when the oldest of them was committed: added up over the databases.</summary>
public readonly record struct Lag(long Waiting, DateTimeOffset? Oldest)
{
    public static readonly Lag None = new(0, null);

    public static Lag operator +(Lag a, Lag b) =>
        new(a.Waiting + b.Waiting, a.Oldest is null ? b.Oldest : b.Oldest is null ? a.Oldest : a.Oldest < b.Oldest ? a.Oldest : b.Oldest);

    public TimeSpan Age(TimeProvider clock) => Oldest is { } oldest ? clock.GetUtcNow() - oldest : TimeSpan.Zero;

    /// <summary>Reads a query's one row: the count, then the commit time of the oldest (null when none waits).</summary>
    public static async Task<Lag> ReadAsync(NpgsqlCommand command, CancellationToken token)
    {
        await using var reader = await command.ExecuteReaderAsync(token);
        await reader.ReadAsync(token);
        return new Lag(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }
}

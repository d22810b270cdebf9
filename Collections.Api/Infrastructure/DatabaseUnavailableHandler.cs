using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Collections.Api.Infrastructure;

/// <summary>
/// PostgreSQL cannot be reached (stopped, restarting, unreachable, out of connections, too slow to answer): the
/// caller hears 503 with <c>Retry-After</c> instead of a 500 that looks like a bug. The answer names no server,
/// statement or exception type. Recovery needs nothing from anyone: the next request opens a fresh connection.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken token)
    {
        if (!IsDatabaseUnavailable(exception)) return false;

        logger.LogWarning("{Method} {Path}: the database is unavailable ({Reason}); answered 503",
            context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable",
                Detail = $"Its database cannot be reached right now. Retry in {RetryAfterSeconds} seconds. " +
                         "A write answered like this may or may not have been recorded: repeating it is safe for " +
                         "commands that carry their own id (account number, invoice number, payment id)."
            }
        });
    }

    /// <summary>
    /// True when the failure is the database's absence rather than anything about the request: a connection that
    /// could not be opened or was cut, a timeout, an exhausted pool, or PostgreSQL saying it is shutting down or
    /// not accepting connections. A constraint violation or any other error PostgreSQL reports about the statement
    /// itself is not this.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception exception) => Flatten(exception).Any(e => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
                                || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                                    or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
                                    or PostgresErrorCodes.IdleSessionTimeout,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        SocketException or TimeoutException => true,
        _ => false
    });

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        while (pending.TryPop(out var e) && seen++ < 32)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (e.InnerException is { } inner) pending.Push(inner);
        }
    }
}

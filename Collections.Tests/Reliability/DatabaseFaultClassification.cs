using System.Net.Sockets;
using Collections.Api.Infrastructure;
using Marten.Exceptions;
using Npgsql;

namespace Collections.Tests.Reliability;

/// <summary>Which failures answer 503, and the timeouts the API bounds its connection string with.</summary>
public sealed class DatabaseFaultClassification
{
    [Fact]
    public void an_unreachable_database_is_unavailable_however_it_is_wrapped()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        DatabaseUnavailableHandler.IsDatabaseUnavailable(refused).ShouldBeTrue();
        DatabaseUnavailableHandler.IsDatabaseUnavailable(new MartenCommandException(new NpgsqlCommand("select 1"), refused)).ShouldBeTrue();
        DatabaseUnavailableHandler.IsDatabaseUnavailable(new AggregateException(new InvalidOperationException("x"), refused)).ShouldBeTrue();
        DatabaseUnavailableHandler.IsDatabaseUnavailable(new NpgsqlException("The operation has timed out", new TimeoutException())).ShouldBeTrue();
        DatabaseUnavailableHandler.IsDatabaseUnavailable(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)).ShouldBeTrue();
        DatabaseUnavailableHandler.IsDatabaseUnavailable(new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)).ShouldBeTrue();
    }

    [Fact]
    public void an_error_about_the_statement_is_not_an_outage()
    {
        DatabaseUnavailableHandler.IsDatabaseUnavailable(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)).ShouldBeFalse();
        DatabaseUnavailableHandler.IsDatabaseUnavailable(new PostgresException("invalid byte sequence", "ERROR", "ERROR", PostgresErrorCodes.CharacterNotInRepertoire)).ShouldBeFalse();
        DatabaseUnavailableHandler.IsDatabaseUnavailable(new InvalidOperationException("a bug")).ShouldBeFalse();
    }

    [Fact]
    public void connect_and_command_timeouts_are_bounded_unless_the_connection_string_sets_them()
    {
        var bounded = new NpgsqlConnectionStringBuilder(DatabaseTimeouts.Bound("Host=db;Database=c;Username=u"));
        bounded.Timeout.ShouldBe(DatabaseTimeouts.ConnectSeconds);
        bounded.CommandTimeout.ShouldBe(DatabaseTimeouts.CommandSeconds);
        bounded.Host.ShouldBe("db");

        var given = new NpgsqlConnectionStringBuilder(DatabaseTimeouts.Bound("Host=db;Database=c;Username=u;Timeout=20;Command Timeout=60"));
        given.Timeout.ShouldBe(20);
        given.CommandTimeout.ShouldBe(60);
        var synonym = new NpgsqlConnectionStringBuilder(DatabaseTimeouts.Bound("Host=db;timeout=30;CommandTimeout=0"));
        synonym.Timeout.ShouldBe(30);
        synonym.CommandTimeout.ShouldBe(0);
    }
}

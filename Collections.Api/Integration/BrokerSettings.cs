using RabbitMQ.Client;

namespace Collections.Api.Integration;

/// <summary>Where the broker is (ConnectionStrings:RabbitMq, an amqp URI) and how this service names itself in events.</summary>
public sealed class BrokerSettings(Uri uri, string source)
{
    public const string ConnectionStringName = "RabbitMq";
    public const string SourceSetting = "Collections:Integration:Source";
    public const string DefaultSource = "/collections";

    /// <summary>Where the broker is.</summary>
    public Uri Uri => uri;

    /// <summary>The CloudEvents <c>source</c> of every published event.</summary>
    public string Source { get; } = source;

    public static BrokerSettings From(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new InvalidOperationException(
                $"Set the RabbitMQ connection string ConnectionStrings:{ConnectionStringName} to an amqp:// URI " +
                $"(environment: ConnectionStrings__{ConnectionStringName}).");
        return new BrokerSettings(uri, configuration[SourceSetting] is { Length: > 0 } s ? s : DefaultSource);
    }

    /// <summary>
    /// Automatic recovery is off: the publisher and the consumer reconnect themselves, so each knows exactly
    /// when the broker was gone and nothing is acknowledged on a channel that silently changed underneath.
    /// </summary>
    public Task<IConnection> ConnectAsync(string purpose, CancellationToken token) =>
        new ConnectionFactory
        {
            Uri = uri,
            ClientProvidedName = $"collections {purpose}",
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5)
        }.CreateConnectionAsync(token);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Alba;
using Collections.Api.Integration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Collections.Benchmarks;

/// <summary>
/// The outbound relay as a subscriber sees it: a queue bound to every collection event, counting what arrives
/// (throughput while a backlog drains) and, at a steady command rate, how long after the commit each event lands.
/// </summary>
public sealed class RelaySubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _arrivals = new();
    private long _received;

    private RelaySubscriber(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public long Received => Interlocked.Read(ref _received);

    public static async Task<RelaySubscriber> StartAsync(IAlbaHost host)
    {
        var uri = new Uri(host.Services.GetRequiredService<IConfiguration>().GetConnectionString(BrokerSettings.ConnectionStringName)!);
        var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Topology.EventsExchange, ExchangeType.Topic, durable: true);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, Topology.EventsExchange, "#");
        var subscriber = new RelaySubscriber(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            Interlocked.Increment(ref subscriber._received);
            var body = JsonDocument.Parse(delivery.Body);
            if (body.RootElement.GetProperty("data").TryGetProperty("paymentId", out var id))
                subscriber._arrivals[id.GetString()!] = DateTimeOffset.UtcNow;
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return subscriber;
    }

    public async Task<TimeSpan> WaitForAsync(long count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Received < count && clock.Elapsed < timeout) await Task.Delay(20);
        return clock.Elapsed;
    }

    public DateTimeOffset? ArrivalOf(string paymentId) => _arrivals.TryGetValue(paymentId, out var at) ? at : null;

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

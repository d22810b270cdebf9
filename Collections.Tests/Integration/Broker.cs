using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Collections.Api.Integration;
using Collections.Tests.Support;
using RabbitMQ.Client;

namespace Collections.Tests.Integration;

/// <summary>The test's own AMQP client: a subscriber written against docs/events.md, and billing's side of the queue.</summary>
public sealed class Broker : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private Broker(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public static Uri Uri => new(Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq") ?? AppFixture.DefaultBroker);

    public static async Task<Broker> ConnectAsync()
    {
        var connection = await new ConnectionFactory { Uri = Uri, AutomaticRecoveryEnabled = false }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await channel.ExchangeDeclareAsync(Topology.EventsExchange, ExchangeType.Topic, durable: true);
        await channel.QueueDeclareAsync(Topology.BillingQueue, durable: true, exclusive: false, autoDelete: false);
        return new Broker(connection, channel);
    }

    /// <summary>A durable subscriber queue bound to every collection event of every tenant; it outlives a broker restart.</summary>
    public async Task<string> SubscribeAsync(string queue, string binding = "#")
    {
        await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await _channel.QueuePurgeAsync(queue);
        await _channel.QueueBindAsync(queue, Topology.EventsExchange, binding);
        return queue;
    }

    public Task DeleteQueueAsync(string queue) => _channel.QueueDeleteAsync(queue);

    public Task PurgeAsync(string queue) => _channel.QueuePurgeAsync(queue);

    /// <summary>Publishes a billing message as billing would: a CloudEvent in structured mode.</summary>
    public Task SendToBillingAsync(string body, string? messageId = null) =>
        _channel.BasicPublishAsync("", Topology.BillingQueue, false,
            new BasicProperties { MessageId = messageId, ContentType = "application/cloudevents+json", DeliveryMode = DeliveryModes.Persistent },
            Encoding.UTF8.GetBytes(body)).AsTask();

    /// <param name="tenant">The CloudEvents extension attribute naming the tenant; left out when null.</param>
    public static string BillingEvent(string type, string id, string account, object data, string? tenant = null)
    {
        var cloudEvent = new Dictionary<string, object>
        {
            ["specversion"] = "1.0", ["id"] = id, ["source"] = "/billing", ["type"] = type, ["subject"] = account,
            ["time"] = DateTimeOffset.UtcNow, ["data"] = data
        };
        if (tenant is not null) cloudEvent["tenant"] = tenant;
        return JsonSerializer.Serialize(cloudEvent, JsonSerializerOptions.Web);
    }

    /// <summary>Takes messages off a queue until <paramref name="until"/> holds or the time is up.</summary>
    public async Task<List<Received>> ReceiveAsync(string queue, Func<List<Received>, bool> until, TimeSpan timeout)
    {
        var received = new List<Received>();
        var clock = Stopwatch.StartNew();
        while (!until(received) && clock.Elapsed < timeout)
        {
            if (await _channel.BasicGetAsync(queue, autoAck: true) is { } message)
                received.Add(new Received(message.BasicProperties, message.RoutingKey, JsonDocument.Parse(message.Body.ToArray()).RootElement.Clone(), clock.Elapsed));
            else
                await Task.Delay(20);
        }

        return received;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Stops or starts RabbitMQ inside the running node (the AMQP listener goes away, durable queues stay).</summary>
    public static async Task ControlAsync(string command)
    {
        var script = FindScript();
        using var process = Process.Start(new ProcessStartInfo(script, ["rabbitmqctl", command])
        {
            RedirectStandardOutput = true, RedirectStandardError = true
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"collections rabbitmqctl {command} failed: {error}");
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "collections")) && File.Exists(Path.Combine(dir.FullName, "Collections.sln")))
                return Path.Combine(dir.FullName, "collections");
        throw new InvalidOperationException("The collections script was not found above " + AppContext.BaseDirectory);
    }
}

public sealed record Received(IReadOnlyBasicProperties Properties, string RoutingKey, JsonElement Body, TimeSpan At)
{
    public string Tenant => Body.GetProperty("tenant").GetString()!;
    public string Type => Body.GetProperty("type").GetString()!;
    public string Subject => Body.GetProperty("subject").GetString()!;
    public long Sequence => Body.GetProperty("sequence").GetInt64();
    public long AccountVersion => Body.GetProperty("accountversion").GetInt64();
    public JsonElement Data => Body.GetProperty("data");
}

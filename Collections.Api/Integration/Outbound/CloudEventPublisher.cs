using System.Text;
using Collections.Api.Integration.Contract;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Collections.Api.Integration.Outbound;

/// <summary>
/// Publishes CloudEvents to the topic exchange and returns only once the broker has confirmed them (publisher
/// confirms, persistent delivery). While the broker is unreachable it retries with backoff and does not return:
/// the sequential queue behind it waits, so per-account order survives an outage, and the message stays in
/// Wolverine's durable inbox until confirmed, so a crash meanwhile loses nothing.
/// </summary>
public sealed class CloudEventPublisher(BrokerSettings broker, IHostApplicationLifetime lifetime, ILogger<CloudEventPublisher> logger)
    : IAsyncDisposable
{
    /// <summary>A broker that is up but refuses one event this often (negative confirm) will not take it: dead-letter it.</summary>
    private const int RefusalsBeforeDeadLetter = 5;

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    public async Task PublishAsync(PublishCloudEvent message)
    {
        var stopping = lifetime.ApplicationStopping;
        var refusals = 0;
        for (var attempt = 0; ; attempt++)
        {
            if (stopping.IsCancellationRequested) throw new PublishingInterruptedException(message.Sequence);
            try
            {
                await PublishOnceAsync(message, stopping);
                if (attempt > 0) logger.LogInformation("Published event {Sequence} after {Attempts} attempts", message.Sequence, attempt + 1);
                return;
            }
            catch (PublishException e) when (++refusals >= RefusalsBeforeDeadLetter)
            {
                throw new EventNotRelayableException($"The broker refused event {message.Sequence} {refusals} times: {e.Message}");
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                await DropConnectionAsync();
                logger.LogWarning("Event {Sequence} not published yet (attempt {Attempt}): {Reason}", message.Sequence, attempt + 1, e.Message);
                await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length - 1)], stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                throw new PublishingInterruptedException(message.Sequence);
            }
        }
    }

    private async Task PublishOnceAsync(PublishCloudEvent message, CancellationToken token)
    {
        var channel = await ChannelAsync(token);
        var properties = new BasicProperties
        {
            MessageId = message.Sequence.ToString(),
            Type = message.Type,
            ContentType = CloudEvent.ContentType,
            ContentEncoding = "utf-8",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { ["subject"] = message.AccountNumber, ["tenant"] = message.Tenant }
        };
        // With confirmation tracking on, this completes when the broker has confirmed, and throws if it refuses.
        await channel.BasicPublishAsync(Topology.EventsExchange, message.RoutingKey, mandatory: false, properties,
            Encoding.UTF8.GetBytes(message.CloudEventJson), token);
    }

    private async Task<IChannel> ChannelAsync(CancellationToken token)
    {
        if (_channel is { IsOpen: true } open) return open;
        await _gate.WaitAsync(token);
        try
        {
            if (_channel is { IsOpen: true } raced) return raced;
            await DropConnectionAsync();
            _connection = await broker.ConnectAsync("publisher", token);
            _channel = await _connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), token);
            await Topology.DeclareAsync(_channel, token);
            return _channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropConnectionAsync()
    {
        var (channel, connection) = (_channel, _connection);
        (_channel, _connection) = (null, null);
        try
        {
            if (channel is not null) await channel.DisposeAsync();
            if (connection is not null) await connection.DisposeAsync();
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Closing a broken broker connection failed");
        }
    }

    public async ValueTask DisposeAsync() => await DropConnectionAsync();
}

/// <summary>
/// The host is stopping before the broker confirmed: the message stays in the durable inbox (it is requeued,
/// never dead-lettered) and is published by the next node or the next start.
/// </summary>
public sealed class PublishingInterruptedException(long sequence) : Exception($"Stopping before event {sequence} was confirmed by the broker.");

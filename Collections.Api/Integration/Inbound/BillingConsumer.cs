using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Wolverine;

namespace Collections.Api.Integration.Inbound;

/// <summary>
/// Consumes the billing queue one message at a time (per-account order) and acknowledges a message only after
/// its command has committed. A message that cannot be processed is copied to the dead-letter queue with the
/// reason in its headers and then acknowledged, so the messages behind it keep flowing. Reconnects by itself.
/// </summary>
public sealed class BillingConsumer(BrokerSettings broker, IServiceScopeFactory scopes, ILogger<BillingConsumer> logger)
    : BackgroundService
{
    public const string ErrorHeader = "x-collections-error";
    public const string FailedAtHeader = "x-collections-failed-at";
    public const string OriginalQueueHeader = "x-collections-original-queue";

    /// <summary>Attempts for failures that may pass (the database away, a lost race), before the message is dead-lettered.</summary>
    private static readonly TimeSpan[] TransientRetries = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ConsumeUntilDisconnectedAsync(stopping);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning("Billing queue unavailable, reconnecting: {Reason}", e.Message);
            }

            try { await Task.Delay(TimeSpan.FromSeconds(1), stopping); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task ConsumeUntilDisconnectedAsync(CancellationToken stopping)
    {
        await using var connection = await broker.ConnectAsync("billing consumer", stopping);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stopping);
        await Topology.DeclareAsync(channel, stopping);
        await channel.BasicQosAsync(0, 1, global: false, stopping);

        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) => { disconnected.TrySetResult(); return Task.CompletedTask; };
        channel.ChannelShutdownAsync += (_, _) => { disconnected.TrySetResult(); return Task.CompletedTask; };

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery, stopping);
        await channel.BasicConsumeAsync(Topology.BillingQueue, autoAck: false, consumer, stopping);
        logger.LogInformation("Consuming {Queue}", Topology.BillingQueue);
        await disconnected.Task.WaitAsync(stopping);
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stopping)
    {
        var body = delivery.Body.ToArray(); // the delivery's buffer is reused once this returns
        try
        {
            var failure = await ProcessAsync(body, stopping);
            if (failure is not null) await DeadLetterAsync(channel, delivery, body, failure, stopping);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stopping);
        }
        catch (Exception e) when (channel.IsOpen && !stopping.IsCancellationRequested)
        {
            // Neither applied nor dead-lettered: back to the queue, to be tried again.
            logger.LogWarning("Billing message {MessageId} returned to the queue: {Reason}", delivery.BasicProperties.MessageId, e.Message);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, stopping);
        }
    }

    /// <returns>Null once the command has committed (or was already recorded), else why it cannot be processed.</returns>
    private async Task<string?> ProcessAsync(byte[] body, CancellationToken stopping)
    {
        object message;
        try { message = BillingMessageParser.Parse(body); }
        catch (BillingMessageRefused refused) { return refused.Message; }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message, stopping);
                return null;
            }
            catch (BillingMessageRefused refused)
            {
                return refused.Message;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                if (attempt == TransientRetries.Length) return $"Failed {attempt + 1} times; last error: {e.GetType().Name}: {e.Message}";
                logger.LogWarning("Billing message failed (attempt {Attempt}), retrying: {Reason}", attempt + 1, e.Message);
                await Task.Delay(TransientRetries[attempt], stopping);
            }
        }
    }

    private async Task DeadLetterAsync(IChannel channel, BasicDeliverEventArgs delivery, byte[] body, string reason, CancellationToken stopping)
    {
        logger.LogWarning("Billing message {MessageId} dead-lettered: {Reason}", delivery.BasicProperties.MessageId, reason);
        var original = delivery.BasicProperties;
        var headers = original.Headers is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(original.Headers);
        headers[ErrorHeader] = reason;
        headers[FailedAtHeader] = DateTimeOffset.UtcNow.ToString("O"); // operational time, not the business clock
        headers[OriginalQueueHeader] = Topology.BillingQueue;
        var properties = new BasicProperties
        {
            MessageId = original.MessageId,
            CorrelationId = original.CorrelationId,
            ContentType = original.ContentType,
            Type = original.Type,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers
        };
        await channel.BasicPublishAsync("", Topology.BillingDeadLetterQueue, mandatory: false, properties, body, stopping);
    }
}

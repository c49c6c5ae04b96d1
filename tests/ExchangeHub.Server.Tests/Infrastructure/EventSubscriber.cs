using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>
/// A subscriber of the hub's events written with RabbitMQ.Client directly (no MassTransit): its own durable queue
/// bound to the MassTransit exchanges it names, kept across a broker restart and deleted at the end. It keeps the
/// deliveries of one correlation id, in arrival order, and acknowledges each only after recording it.
/// </summary>
public sealed class EventSubscriber : IAsyncDisposable
{
    public const string RabbitMqVariable = "EXCHANGEHUB_TEST_RABBITMQ";

    private readonly string? _correlationId;
    private readonly string[] _exchanges;
    private readonly ConcurrentQueue<EventDelivery> _deliveries = new();
    private IConnection? _connection;
    private IChannel? _channel;

    private EventSubscriber(string? correlationId, string[] exchanges)
    {
        _correlationId = correlationId;
        _exchanges = exchanges;
        QueueName = "exchangehub-test-" + Guid.NewGuid().ToString("N")[..12];
    }

    public static Uri BrokerUri => new(Environment.GetEnvironmentVariable(RabbitMqVariable) is { Length: > 0 } uri
        ? uri
        : "amqp://guest:guest@127.0.0.1:5672/");

    public string QueueName { get; }

    public IReadOnlyList<EventDelivery> Deliveries => [.. _deliveries];

    /// <summary>Declares the queue (and the exchanges, as MassTransit declares them: durable fanout) and starts consuming.</summary>
    /// <remarks><paramref name="correlationId"/> null: keep every event (for tests whose run ids are not known in advance).</remarks>
    public static async Task<EventSubscriber> StartAsync(string? correlationId, params string[] exchanges)
    {
        var subscriber = new EventSubscriber(correlationId, exchanges);
        await subscriber.ConnectAsync();
        return subscriber;
    }

    /// <summary>Connects again after the broker restarted (the durable queue kept what arrived meanwhile).</summary>
    public async Task ConnectAsync()
    {
        await CloseAsync();
        var factory = new ConnectionFactory { Uri = BrokerUri, AutomaticRecoveryEnabled = false };
        _connection = await factory.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        await _channel.QueueDeclareAsync(QueueName, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-expires"] = 60_000 });
        foreach (var exchange in _exchanges)
        {
            await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await _channel.QueueBindAsync(QueueName, exchange, "");
        }
        await _channel.BasicQosAsync(0, 500, false);
        var consumer = new AsyncEventingBasicConsumer(_channel);
        var channel = _channel;
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            Record(delivery);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await _channel.BasicConsumeAsync(QueueName, autoAck: false, consumer);
    }

    /// <summary>Waits until <paramref name="done"/> holds for the deliveries so far; fails with what arrived after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<EventDelivery>> WaitUntilAsync(Func<IReadOnlyList<EventDelivery>, bool> done, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var now = Deliveries;
            if (done(now))
            {
                return now;
            }
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"queue {QueueName}: condition not met after {timeout}; {now.Count} deliveries "
                    + $"({now.Select(d => d.EventId).Distinct().Count()} distinct events).");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        // A fresh connection: the test's own may have died with the broker. A queue left behind would collect (and
        // make the broker persist) every later event, so it also expires by itself after a minute unused.
        try
        {
            var factory = new ConnectionFactory { Uri = BrokerUri, AutomaticRecoveryEnabled = false };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(QueueName);
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException
            or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            await Console.Error.WriteLineAsync($"could not delete test queue {QueueName} (it expires by itself): {ex.Message}");
        }
    }

    private void Record(BasicDeliverEventArgs delivery)
    {
        using var json = JsonDocument.Parse(delivery.Body);
        var root = json.RootElement;
        var message = root.GetProperty("message");
        if (_correlationId is not null && message.GetProperty("correlationId").GetString() != _correlationId)
        {
            return;
        }
        _deliveries.Enqueue(new EventDelivery(
            Guid.Parse(root.GetProperty("messageId").GetString()!),
            Guid.Parse(message.GetProperty("eventId").GetString()!),
            message.GetProperty("subjectKey").GetString()!,
            message.TryGetProperty("decisionId", out var decision) ? decision.GetInt64() : 0,
            root.GetProperty("messageType").EnumerateArray().Select(t => t.GetString()!).ToList(),
            delivery.Exchange,
            delivery.Redelivered,
            message.GetProperty("correlationId").GetString()!,
            delivery.BasicProperties.Headers?.TryGetValue("traceparent", out var traceParent) == true && traceParent is byte[] bytes
                ? System.Text.Encoding.UTF8.GetString(bytes)
                : null));
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or RabbitMQ.Client.Exceptions.AlreadyClosedException)
        {
            // Closing a connection the broker already dropped.
        }
        _channel = null;
        _connection = null;
    }
}

using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;

namespace ExchangeHub.Benchmarks.Relay;

/// <summary>
/// The baseline: a plain RabbitMQ.Client 7 publisher with tracked publisher confirms, awaiting each batch of
/// <see cref="BatchSize"/> publishes before the next (at most that many outstanding), persistent messages of the same
/// JSON as the relay's into a durable fanout exchange with one durable queue, like the relay's.
/// </summary>
internal static class BaselinePublisher
{
    public const int BatchSize = 500;
    private const string Exchange = "exchangehub.bench.baseline";

    public static async Task<(TimeSpan Elapsed, long Queued, string ServerVersion)> RunAsync(Uri broker, IReadOnlyList<byte[]> bodies)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        var version = connection.ServerProperties is { } p && p.TryGetValue("version", out var v) && v is byte[] b
            ? System.Text.Encoding.UTF8.GetString(b)
            : "unknown";
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = "exchangehub.bench.baseline." + Guid.NewGuid().ToString("N")[..8];
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, Exchange, "");
        try
        {
            var properties = new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" };
            var clock = Stopwatch.StartNew();
            var pending = new List<Task>(BatchSize);
            foreach (var body in bodies)
            {
                pending.Add(channel.BasicPublishAsync(Exchange, "", mandatory: false, properties, body).AsTask());
                if (pending.Count == BatchSize)
                {
                    await Task.WhenAll(pending);
                    pending.Clear();
                }
            }
            await Task.WhenAll(pending);
            clock.Stop();
            var queued = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            return (clock.Elapsed, queued, version);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    /// <summary>The bodies as MassTransit would send them: its JSON envelope around the event.</summary>
    public static List<byte[]> Envelopes<T>(IEnumerable<T> events, Func<T, Guid> id, string messageType)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return events.Select(e => JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = id(e),
            conversationId = Guid.NewGuid(),
            sourceAddress = "rabbitmq://127.0.0.1/bench_baseline",
            destinationAddress = "rabbitmq://127.0.0.1/" + messageType,
            messageType = new[] { "urn:message:" + messageType },
            message = e,
            sentTime = DateTimeOffset.UtcNow,
            headers = new Dictionary<string, object>(),
            host = new { machineName = Environment.MachineName, processName = "ExchangeHub.Benchmarks" },
        }, json)).ToList();
    }
}

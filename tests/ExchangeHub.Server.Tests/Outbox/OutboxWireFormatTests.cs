using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>
/// The direct publish (<c>Hub:Messaging:DirectPublish</c>, the relay's own RabbitMQ.Client channel) puts on the wire what
/// MassTransit's publish puts there: the same exchange and routing key, AMQP properties, headers and envelope fields.
/// Both paths publish through a real hub to a real broker; what a queue receives is compared field by field. (A
/// MassTransit consumer reading the direct path: <see cref="OutboxMassTransitConsumerTests"/>.)
/// </summary>
[Collection("rabbitmq")]
public sealed partial class OutboxWireFormatTests
{
    /// <summary>Values that differ on every publish or every bus, not in kind.</summary>
    private static readonly HashSet<string> PerMessage = ["messageId", "conversationId", "sentTime"];

    /// <summary>Pipelined: the pipelined relay (<c>Hub:Messaging:Pipelined</c>) writes the direct path's message too.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DirectPublish_SameEvent_WireFormatEqualsMassTransitPublish(bool pipelined)
    {
        var viaMassTransit = await PublishAsync(direct: false, pipelined: false);
        var direct = await PublishAsync(direct: true, pipelined);

        // One string per path, so a failure shows every difference at once.
        Assert.Equal(viaMassTransit.Describe(), direct.Describe());
        Assert.Equal(RelaySettings.RefundOfferedExchange, direct.Exchange);
        Assert.Equal(direct.EventId.ToString(), direct.MessageId);
        Assert.Equal(viaMassTransit.EventId.ToString(), viaMassTransit.MessageId);
    }

    /// <summary>One event through a hub publishing one way; what a queue bound to the type's exchange received.</summary>
    private static async Task<Wire> PublishAsync(bool direct, bool pipelined)
    {
        var correlation = RelaySettings.NewCorrelationId();
        var received = new ConcurrentQueue<BasicDeliverEventArgs>();
        var factory = new ConnectionFactory { Uri = EventSubscriber.BrokerUri, AutomaticRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = "exchangehub-test-wire-" + Guid.NewGuid().ToString("N")[..10];
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.ExchangeDeclareAsync(RelaySettings.RefundOfferedExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueBindAsync(queue, RelaySettings.RefundOfferedExchange, "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            // The body's memory belongs to the client after the handler returns: keep a copy.
            received.Enqueue(new BasicDeliverEventArgs(delivery.ConsumerTag, delivery.DeliveryTag, delivery.Redelivered, delivery.Exchange,
                delivery.RoutingKey, delivery.BasicProperties, delivery.Body.ToArray()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);

        var settings = RelaySettings.For(pipelined: pipelined);
        settings["Hub:Messaging:DirectPublish"] = direct ? "true" : "false";
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, settings);
        var offer = OutboxEvents.Offer("91659001000000001X", correlation, 1);
        await OutboxEvents.WriteAsync(hub, [offer]);
        await OutboxBrokerRestartTests.WaitForAsync(() => Task.FromResult(received.Any(d => Encoding.UTF8.GetString(d.Body.Span).Contains(correlation, StringComparison.Ordinal))));

        var delivery = received.Single(d => Encoding.UTF8.GetString(d.Body.Span).Contains(correlation, StringComparison.Ordinal));
        var p = delivery.BasicProperties;
        var properties = string.Join("; ", $"content-type={p.ContentType}", $"delivery-mode={p.DeliveryMode}", $"correlation-id={p.CorrelationId}",
            $"type={p.Type}", $"app-id={p.AppId}", $"user-id={p.UserId}", $"expiration={p.Expiration}", $"priority={p.Priority}",
            $"reply-to={p.ReplyTo}", $"content-encoding={p.ContentEncoding}", $"timestamp={p.Timestamp.UnixTime}", $"message-id set={p.MessageId is not null}");
        // The client numbers tracked publishes in a header of its own, and the publish activity's traceparent (set on both
        // paths by OutboxPublisher) names a new span each time: compare their presence, not their values. MassTransit
        // adds its own MT-Activity-Id only while something in the process listens to its diagnostics (another test's
        // listener, running at the same time, is enough); the hub's subscribers read traceparent, so it is left out.
        var headers = string.Join("; ", (p.Headers ?? new Dictionary<string, object?>()).Where(h => h.Key != "MT-Activity-Id")
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => h.Key is "x-dotnet-pub-seq-no" or "traceparent" ? h.Key : $"{h.Key}={(h.Value is byte[] b ? Encoding.UTF8.GetString(b) : h.Value)}"));
        using var json = JsonDocument.Parse(delivery.Body);
        var envelope = string.Join("; ", json.RootElement.EnumerateObject().Select(f => f.Name switch
        {
            _ when PerMessage.Contains(f.Name) => f.Name,
            "message" => "message=" + f.Value.GetProperty("eventId").GetString(),
            "sourceAddress" => "sourceAddress=" + BusInstance().Replace(f.Value.GetString()!, "_bus_*"),
            // The envelope's copy of the send headers: names compared, values (the span's traceparent) differ per publish.
            "headers" => "headers=" + string.Join(',', f.Value.EnumerateObject().Select(h => h.Name).Where(n => n != "MT-Activity-Id").Order(StringComparer.Ordinal)),
            _ => $"{f.Name}={f.Value.GetRawText()}",
        }));
        Assert.Contains("message=" + offer.EventId, envelope, StringComparison.Ordinal);
        return new Wire(delivery.Exchange, delivery.RoutingKey, properties, headers, envelope.Replace("message=" + offer.EventId, "message", StringComparison.Ordinal),
            offer.EventId, p.MessageId);
    }

    /// <summary>The random part of a bus's temporary address (each hub's bus has its own).</summary>
    [GeneratedRegex("_bus_[a-z0-9]+")]
    private static partial Regex BusInstance();

    private sealed record Wire(string Exchange, string RoutingKey, string Properties, string Headers, string Envelope, Guid EventId, string? MessageId)
    {
        public string Describe() => $"exchange={Exchange}\nrouting-key={RoutingKey}\nproperties: {Properties}\nheaders: {Headers}\nenvelope: {Envelope}";
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MassTransit;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Publishes one outbox row and returns only when the broker confirmed it. The MessageId is the row's message id on
/// every attempt, so a subscriber recognises a redelivery; the body is the stored payload in MassTransit's envelope
/// (<see cref="StoredEnvelopeSerializer"/>). Every publish has its own timeout: RabbitMQ.Client 7 can leave a confirmed
/// publish waiting forever after a broker restart. Each publish is an activity continuing the trace stored with the row
/// (the feed call or run that caused the event), and its W3C <c>traceparent</c> goes out as a header on both paths:
/// MassTransit 8.5 sends only its own <c>MT-Activity-Id</c>, and only when its diagnostics are listened to, so a plain
/// subscriber would otherwise lose the trace.
/// <para>
/// Two paths put the same message on the wire. Through MassTransit (<c>bus.Publish</c>, the default), or — with
/// <see cref="MessagingOptions.DirectPublish"/> — directly on the relay's own channel (<see cref="OutboxChannel"/>).
/// On a clean broker the relay bench measured the relay at 5,732 events/s on the direct path against 5,307 through
/// MassTransit (docs/outbox.md "Quiet machine") — within run-to-run noise, so the direct path stays opt-in. It
/// writes what MassTransit writes, taken from MassTransit's own topology: the exchange of the event's type, its publish
/// address, its message type URNs, the bus address as source, the same AMQP properties and headers
/// (<c>OutboxWireFormatTests</c> compares both paths on the broker and reads the direct path with a MassTransit consumer).
/// </para>
/// </summary>
public sealed class OutboxPublisher(IBus bus, OutboxChannel channel, IOptions<MessagingOptions> options, TimeProvider clock)
{
    public const string TraceParentHeader = "traceparent";
    private static readonly ConcurrentDictionary<Type, object> Placeholders = new();
    private readonly ConcurrentDictionary<Type, Route> _routes = new();
    private readonly TimeSpan _timeout = options.Value.PublishTimeout;
    private readonly bool _direct = options.Value.Direct;

    /// <summary>
    /// On the direct path, opens the relay's channel before the first row is due, so the first events do not wait for
    /// the connection (the latency bench saw its first second's p99 over 100 ms from it). A broker that is down is no
    /// error here: the first publish connects, or fails and is retried as always.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        if (!_direct)
        {
            return; // MassTransit connects its bus when the hub starts
        }
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(_timeout);
        try
        {
            await channel.OpenAsync(bounded.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The broker is away: the relay's first round reports it and backs off.
        }
    }

    public async Task PublishAsync(PendingMessage message, CancellationToken ct)
    {
        using var activity = StartActivity(message);
        try
        {
            await PublishConfirmedAsync(message, activity?.Id ?? message.TraceParent, ct);
        }
        catch (Exception ex) when (Failed(activity, ex))
        {
            throw; // never reached: the filter only marks the span failed
        }
    }

    internal static bool Failed(System.Diagnostics.Activity? activity, Exception ex)
    {
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
        return false;
    }

    private async Task PublishConfirmedAsync(PendingMessage message, string? traceParent, CancellationToken ct)
    {
        // The direct path checks the row while it builds the message (Prepare, one transcode), the MassTransit path here.
        var type = _direct ? null : Poison.Check(message);
        using var timer = new CancellationTokenSource(_timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        var publish = type is null
            ? PublishDirectAsync(message, traceParent, linked.Token)
            : PublishThroughMassTransitAsync(message, type, traceParent, linked.Token);
        try
        {
            // The token may not reach a publish stuck inside the client: stop waiting on our side as well.
            await publish.WaitAsync(_timeout, clock, ct);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // An abandoned publish may still fail later; observe it so it is not reported as unobserved.
            _ = publish.ContinueWith(static t => t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw new TimeoutException(
                $"the broker did not confirm {message.MessageType} {message.MessageId} within {_timeout.TotalSeconds:0.###} s.", ex);
        }
    }

    private Task PublishThroughMassTransitAsync(PendingMessage message, Type type, string? traceParent, CancellationToken ct)
    {
        var messageId = message.MessageId;
        var serializer = new StoredEnvelopeSerializer(message.Payload);
        var pipe = Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = messageId;
            context.Serializer = serializer;
            if (traceParent is not null)
            {
                context.Headers.Set(TraceParentHeader, traceParent);
            }
        });
        // MassTransit needs an instance of the event type for its topology; the body is the stored payload.
        return bus.Publish(Placeholders.GetOrAdd(type, static t => RuntimeHelpers.GetUninitializedObject(t)), type, pipe, ct);
    }

    private async Task PublishDirectAsync(PendingMessage message, string? traceParent, CancellationToken ct)
    {
        var outgoing = Prepare(message, traceParent);
        var open = await channel.OpenAsync(ct);
        try
        {
            await open.BasicPublishAsync(outgoing.Exchange, "", mandatory: false, outgoing.Properties, outgoing.Body, ct);
        }
        catch (OperationCanceledException)
        {
            // Timed out (or shutting down) waiting on this channel: the next publish connects anew.
            await channel.AbandonAsync(open);
            throw;
        }
    }

    /// <summary>
    /// The direct path's message for one row, exactly as MassTransit would write it: the exchange of the event's type, the
    /// envelope around the stored payload, the AMQP properties. Shared by the direct publish and the pipelined relay
    /// (<see cref="PipelinedRelay"/>), so both put the same bytes on the wire. Checks the row first
    /// (<see cref="Poison.Check(PendingMessage, out byte[], out int)"/>, throwing <see cref="PoisonMessageException"/>)
    /// and writes the envelope from the bytes the check transcoded.
    /// </summary>
    internal DirectMessage Prepare(PendingMessage message, string? traceParent)
    {
        var type = Poison.Check(message, out var utf8, out var length);
        try
        {
            var route = _routes.GetOrAdd(type, Route.For, bus);
            return Message(message, route, traceParent,
                StoredEnvelopeSerializer.Write(Envelope(message, route, traceParent), utf8.AsSpan(0, length)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private StoredEnvelopeSerializer.Envelope Envelope(PendingMessage message, Route route, string? traceParent) =>
        new(message.MessageId, null, null, NewId.NextGuid(), null, bus.Address, route.Address, null, null, route.MessageTypes, DateTime.UtcNow,
            // MassTransit writes its send context's headers into the envelope too: the trace header goes in both places.
            traceParent is null ? [] : [new KeyValuePair<string, object>(TraceParentHeader, traceParent)]);

    private static DirectMessage Message(PendingMessage message, Route route, string? traceParent, byte[] body)
    {
        var properties = new BasicProperties
        {
            ContentType = StoredEnvelopeSerializer.MassTransitJson.MediaType,
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = message.MessageId.ToString(),
            // MassTransit sets no AMQP headers of its own on a publish (the client adds its publish sequence number);
            // the trace header is ours, set on both paths.
            Headers = traceParent is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { [TraceParentHeader] = traceParent },
        };
        return new DirectMessage(route.Exchange, properties, body);
    }

    /// <summary>
    /// Starts the producer activity of one row's publish, continuing the trace stored with it: the same span on the direct
    /// path and the pipelined relay (whose span covers the publish, not the wait for the confirm).
    /// </summary>
    internal static System.Diagnostics.Activity? StartActivity(PendingMessage message)
    {
        var activity = Telemetry.HubTelemetry.StartContinuing("outbox publish", System.Diagnostics.ActivityKind.Producer, message.TraceParent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.message.id", message.MessageId.ToString("D"));
        activity?.SetTag("exchangehub.outbox.sequence", message.Sequence);
        return activity;
    }

    /// <summary>Where MassTransit publishes an event type: its exchange, its publish address, its message type URNs.</summary>
    private sealed record Route(string Exchange, Uri Address, IReadOnlyList<string> MessageTypes)
    {
        public static Route For(Type type, IBus bus)
        {
            if (!bus.Topology.TryGetPublishAddress(type, out var address))
            {
                throw new PoisonMessageException($"MassTransit has no publish address for {type}.");
            }
            var names = (string[])typeof(MessageTypeCache<>).MakeGenericType(type)
                .GetProperty(nameof(MessageTypeCache<object>.MessageTypeNames))!.GetValue(null)!;
            return new Route(new RabbitMqEndpointAddress(bus.Address, address).Name, address, names);
        }
    }
}

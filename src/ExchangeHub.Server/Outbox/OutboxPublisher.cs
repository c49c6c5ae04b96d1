using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Publishes one outbox row through MassTransit and returns only when the broker confirmed it. The MessageId is the
/// row's message id on every attempt, so a subscriber recognises a redelivery; the body is the stored payload in
/// MassTransit's envelope (<see cref="StoredEnvelopeSerializer"/>). Every publish has its own timeout:
/// RabbitMQ.Client 7 can leave a confirmed publish waiting forever after a broker restart. Each publish is an activity
/// continuing the trace stored with the row (the feed call or run that caused the event), and its W3C
/// <c>traceparent</c> goes out as a header: MassTransit 8.5 sends only its own <c>MT-Activity-Id</c>, and only when
/// its diagnostics are listened to, so a plain subscriber would otherwise lose the trace.
/// </summary>
public sealed class OutboxPublisher(IBus bus, IOptions<MessagingOptions> options, TimeProvider clock)
{
    public const string TraceParentHeader = "traceparent";
    private static readonly ConcurrentDictionary<Type, object> Placeholders = new();
    private readonly TimeSpan _timeout = options.Value.PublishTimeout;

    public async Task PublishAsync(PendingMessage message, CancellationToken ct)
    {
        using var activity = Telemetry.HubTelemetry.StartContinuing("outbox publish", System.Diagnostics.ActivityKind.Producer, message.TraceParent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.message.id", message.MessageId.ToString("D"));
        activity?.SetTag("exchangehub.outbox.sequence", message.Sequence);
        try
        {
            await PublishConfirmedAsync(message, activity?.Id ?? message.TraceParent, ct);
        }
        catch (Exception ex) when (Failed(activity, ex))
        {
            throw; // never reached: the filter only marks the span failed
        }
    }

    private static bool Failed(System.Diagnostics.Activity? activity, Exception ex)
    {
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
        return false;
    }

    private async Task PublishConfirmedAsync(PendingMessage message, string? traceParent, CancellationToken ct)
    {
        var type = Poison.Check(message);
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

        using var timer = new CancellationTokenSource(_timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        // MassTransit needs an instance of the event type for its topology; the body is the stored payload.
        var publish = bus.Publish(Placeholders.GetOrAdd(type, static t => RuntimeHelpers.GetUninitializedObject(t)), type, pipe, linked.Token);
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
                $"the broker did not confirm {message.MessageType} {messageId} within {_timeout.TotalSeconds:0.###} s.", ex);
        }
    }
}

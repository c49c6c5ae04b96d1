using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Publishes one outbox row through MassTransit and returns only when the broker confirmed it. The MessageId is the
/// row's message id on every attempt, so a subscriber recognises a redelivery; the body is the stored payload in
/// MassTransit's envelope (<see cref="StoredEnvelopeSerializer"/>). Every publish has its own timeout:
/// RabbitMQ.Client 7 can leave a confirmed publish waiting forever after a broker restart.
/// </summary>
public sealed class OutboxPublisher(IBus bus, IOptions<MessagingOptions> options, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<Type, object> Placeholders = new();
    private readonly TimeSpan _timeout = options.Value.PublishTimeout;

    public async Task PublishAsync(PendingMessage message, CancellationToken ct)
    {
        var type = Poison.Check(message);
        var messageId = message.MessageId;
        var serializer = new StoredEnvelopeSerializer(message.Payload);
        var pipe = Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = messageId;
            context.Serializer = serializer;
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

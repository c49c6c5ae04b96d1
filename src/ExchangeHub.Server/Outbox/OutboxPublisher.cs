using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Publishes one outbox row through MassTransit and returns only when the broker confirmed it. The MessageId is the
/// row's message id on every attempt, so a subscriber recognises a redelivery. Every publish has its own timeout:
/// RabbitMQ.Client 7 can leave a confirmed publish waiting forever after a broker restart.
/// </summary>
public sealed class OutboxPublisher(IBus bus, IOptions<MessagingOptions> options, TimeProvider clock)
{
    private readonly TimeSpan _timeout = options.Value.PublishTimeout;

    public async Task PublishAsync(PendingMessage message, CancellationToken ct)
    {
        var type = EventTypes.Resolve(message.MessageType);
        var payload = JsonSerializer.Deserialize(message.Payload, type, EventTypes.Json)
            ?? throw new InvalidOperationException($"outbox row {message.Sequence} has an empty payload.");
        var messageId = message.MessageId;
        var pipe = Pipe.Execute<PublishContext>(context => context.MessageId = messageId);

        using var timer = new CancellationTokenSource(_timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        var publish = bus.Publish(payload, type, pipe, linked.Token);
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

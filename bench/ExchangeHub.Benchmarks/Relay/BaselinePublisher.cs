using System.Diagnostics;
using System.Text.Json;
using ExchangeHub.Benchmarks.Reporting;
using RabbitMQ.Client;

namespace ExchangeHub.Benchmarks.Relay;

/// <summary>
/// The baseline: the fastest plain RabbitMQ.Client 7 publisher we could write, publishing persistent messages of the
/// same envelope JSON as the relay's into the same exchange as the relay — the event type's pinned exchange
/// (<see cref="RelayHub.EventExchange"/>, bound to <see cref="RelayHub.AllEventsExchange"/> as the hub's topology binds
/// it; both durable fanouts) — with one durable classic queue bound to the latter, like the relay bench. (Until
/// 2026-12-01 it published into <see cref="RelayHub.AllEventsExchange"/> itself, one exchange hop fewer than the relay.) Confirms are pipelined with an
/// outstanding window, in two ways, each at several window sizes; the best run is the baseline:
/// <list type="bullet">
/// <item><b>tracked</b>: the client tracks confirms (<c>publisherConfirmationTrackingEnabled</c>); every publish is its
/// own task, at most <c>window</c> of them unconfirmed (a semaphore released as each task completes).</item>
/// <item><b>manual</b>: tracking off; one loop publishes, counts outstanding sequence numbers and waits when the window
/// is full; the broker's <c>basic.ack</c> (often <c>multiple</c>) frees the window. The least work per message.</item>
/// </list>
/// (The client's own <c>ThrottlingRateLimiter</c> adds delays of up to a second once half the window is used, so a
/// semaphore of our own is the faster way to hold a window of tracked confirms.)
/// Each message carries what the relay's carries besides the body: its message id (the event id subscribers
/// deduplicate on) and a W3C <c>traceparent</c> header. The broker pays for them: on this machine one property beyond
/// delivery mode and content type cut a plain publisher from ~12,200 to ~9,300 messages/s (2026-12-01, RabbitMQ
/// 3.10.8; a message id, a header or both cost about the same), so a baseline without them measured the broker on
/// lighter messages than the relay sends. One more run without them (<c>bare</c>, window 1,024) is reported beside,
/// not used for the ratio.
/// </summary>
internal static class BaselinePublisher
{
    public static readonly int[] Windows = [64, 256, 1024];

    public static async Task<BaselineResult> RunAsync(Uri broker, IReadOnlyList<BaselineMessage> messages)
    {
        var runs = new List<BaselineWindowRun>();
        string version = "unknown";
        foreach (var mode in new[] { "tracked", "manual" })
        {
            foreach (var window in Windows)
            {
                await BrokerSettle.WaitAsync();
                var run = await RunOnceAsync(broker, messages, mode, window);
                version = run.ServerVersion;
                runs.Add(run.Run);
                Console.WriteLine($"  baseline {mode,-7} window {window,5}: {messages.Count:N0} messages in {run.Run.Seconds:N2} s ({run.Run.MessagesPerSecond:N0}/s)");
            }
        }
        var best = runs.MaxBy(r => r.MessagesPerSecond)!;
        await BrokerSettle.WaitAsync();
        var bare = (await RunOnceAsync(broker, messages, "bare", Windows[^1])).Run;
        Console.WriteLine($"  (bare: no message id or header, window {bare.Window}: {bare.MessagesPerSecond:N0}/s — not the baseline)");
        return new BaselineResult(best, runs, version, bare);
    }

    private static async Task<(BaselineWindowRun Run, string ServerVersion)> RunOnceAsync(Uri broker, IReadOnlyList<BaselineMessage> bodies, string mode, int window)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        var version = connection.ServerProperties is { } p && p.TryGetValue("version", out var v) && v is byte[] b
            ? System.Text.Encoding.UTF8.GetString(b)
            : "unknown";
        var tracked = mode == "tracked";
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: tracked));
        const string queue = "exchangehub.bench.baseline";
        await RelayHub.BindQueueAsync(channel, queue);
        try
        {
            var clock = Stopwatch.StartNew();
            if (tracked)
            {
                await PublishTrackedAsync(channel, bodies, window);
            }
            else
            {
                await PublishManualAsync(channel, bodies, window, bare: mode == "bare");
            }
            clock.Stop();
            var queued = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            if (queued < bodies.Count)
            {
                throw new BenchmarkException($"baseline {mode} window {window}: the queue holds {queued:N0} of {bodies.Count:N0} messages.");
            }
            return (new BaselineWindowRun(mode, window, Math.Round(clock.Elapsed.TotalSeconds, 3), Math.Round(bodies.Count / clock.Elapsed.TotalSeconds)), version);
        }
        finally
        {
            await channel.QueueUnbindAsync(queue, RelayHub.AllEventsExchange, "");
            await channel.QueueDeleteAsync(queue);
        }
    }

    /// <summary>Tracked confirms: one task per publish, at most <paramref name="window"/> unconfirmed.</summary>
    private static async Task PublishTrackedAsync(IChannel channel, IReadOnlyList<BaselineMessage> bodies, int window)
    {
        using var slots = new SemaphoreSlim(window, window);
        var failed = 0;
        string? firstError = null;
        foreach (var message in bodies)
        {
            await slots.WaitAsync();
            var publish = channel.BasicPublishAsync(RelayHub.EventExchange, "", mandatory: false, Properties(message), message.Body);
            _ = Release(publish);
        }
        for (var i = 0; i < window; i++)
        {
            await slots.WaitAsync();
        }
        if (failed > 0)
        {
            throw new BenchmarkException($"baseline tracked: {failed} publishes were not confirmed (first: {firstError}; another test may have stopped the broker).");
        }

        async Task Release(ValueTask publish)
        {
            try
            {
                await publish;
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                Interlocked.Increment(ref failed);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>Manual confirms: sequence numbers counted by hand, the window freed by (multiple) acks.</summary>
    private static async Task PublishManualAsync(IChannel channel, IReadOnlyList<BaselineMessage> bodies, int window, bool bare)
    {
        var bareProperties = new BasicProperties { Persistent = true, ContentType = ContentType };
        // The broker may confirm out of order (a single ack above a later multiple one): keep the unconfirmed tags.
        var unconfirmed = new SortedSet<ulong>();
        var nacked = 0;
        var freed = new SemaphoreSlim(0);
        Task OnConfirm(ulong tag, bool multiple, bool ack)
        {
            if (!ack)
            {
                Interlocked.Increment(ref nacked);
            }
            int count;
            lock (unconfirmed)
            {
                count = multiple ? unconfirmed.RemoveWhere(t => t <= tag) : unconfirmed.Remove(tag) ? 1 : 0;
            }
            if (count > 0)
            {
                freed.Release(count);
            }
            return Task.CompletedTask;
        }
        channel.BasicAcksAsync += (_, e) => OnConfirm(e.DeliveryTag, e.Multiple, ack: true);
        channel.BasicNacksAsync += (_, e) => OnConfirm(e.DeliveryTag, e.Multiple, ack: false);
        var outstanding = 0;
        foreach (var message in bodies)
        {
            if (outstanding == window)
            {
                await freed.WaitAsync();
                outstanding--;
            }
            var tag = await channel.GetNextPublishSequenceNumberAsync();
            lock (unconfirmed)
            {
                unconfirmed.Add(tag);
            }
            await channel.BasicPublishAsync(RelayHub.EventExchange, "", mandatory: false, bare ? bareProperties : Properties(message), message.Body);
            outstanding++;
        }
        while (outstanding > 0)
        {
            await freed.WaitAsync();
            outstanding--;
        }
        freed.Dispose();
        if (nacked > 0)
        {
            throw new BenchmarkException($"baseline manual: the broker refused {nacked} publishes.");
        }
    }

    private const string ContentType = "application/vnd.masstransit+json";

    /// <summary>A message's properties as the relay sets them: persistent, content type, message id, trace header.</summary>
    private static BasicProperties Properties(BaselineMessage message) => new()
    {
        Persistent = true,
        ContentType = ContentType,
        MessageId = message.MessageId,
        Headers = new Dictionary<string, object?> { ["traceparent"] = message.TraceParent },
    };

    /// <summary>The messages as MassTransit would send them: its JSON envelope around the event, the event id, a trace header.</summary>
    public static List<BaselineMessage> Envelopes<T>(IEnumerable<T> events, Func<T, Guid> id, string messageType)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return events.Select(e => new BaselineMessage(JsonSerializer.SerializeToUtf8Bytes(new
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
        }, json), id(e).ToString(), System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString() is var trace
            ? $"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01"
            : "")).ToList();
    }
}

/// <summary>One baseline message: the envelope bytes, the message id and the trace header the relay's would carry.</summary>
internal sealed record BaselineMessage(byte[] Body, string MessageId, string TraceParent);

/// <summary>Every baseline run and the best of them.</summary>
internal sealed record BaselineResult(BaselineWindowRun Best, IReadOnlyList<BaselineWindowRun> Runs, string ServerVersion, BaselineWindowRun Bare);

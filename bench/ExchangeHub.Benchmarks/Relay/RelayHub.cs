extern alias hub;

using System.Diagnostics;
using ExchangeHub.Contracts;
using hub::ExchangeHub.Server;
using hub::ExchangeHub.Server.Outbox;
using hub::ExchangeHub.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ExchangeHub.Benchmarks.Reporting;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ExchangeHub.Benchmarks.Relay;

/// <summary>
/// The hub's relay, in-process and unchanged: the hub is built as in production (HubApp) over a SQLite file. First
/// with the relay disabled to fill the outbox through <see cref="OutboxWriter"/>, then again with it enabled, timed
/// from start until every row is marked sent.
/// </summary>
internal static class RelayHub
{
    /// <summary>Where a subscriber of every hub event binds (the exchange pinned on IHubEvent).</summary>
    public const string AllEventsExchange = "exchangehub.v1.events";

    /// <summary>The exchange the relay publishes a <c>RefundOffered</c> to: its pinned entity name (bound to <see cref="AllEventsExchange"/>).</summary>
    public static readonly string EventExchange =
        typeof(ExchangeHub.Contracts.Refunds.RefundOffered).GetCustomAttributes(typeof(MassTransit.EntityNameAttribute), false).Cast<MassTransit.EntityNameAttribute>().Single().EntityName;

    public static async Task PrepareAsync(string database, IReadOnlyList<HubEvent> events)
    {
        await using var app = Build(database, enabled: false, broker: null);
        await app.StartHubAsync();
        var db = app.Services.GetRequiredService<HubDatabase>();
        var writer = app.Services.GetRequiredService<OutboxWriter>();
        foreach (var chunk in events.Chunk(5_000))
        {
            await using var lease = await db.AcquireWriterAsync(CancellationToken.None);
            await lease.BeginAsync(CancellationToken.None);
            foreach (var e in chunk)
            {
                await writer.EnqueueAsync(lease, e, CancellationToken.None);
            }
            await lease.CommitAsync(CancellationToken.None);
        }
        await app.StopAsync();
    }

    /// <summary>
    /// Starts the hub with its relay and waits until no row is unsent; returns the time from the started hub (the relay
    /// connects to the broker inside it, as the baseline's clock starts after its connection: neither counts process
    /// start-up), the hub's build and start beside it, and what a queue received.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, long Queued, TimeSpan HubStart)> RunAsync(string database, Uri broker, int events, bool directPublish)
    {
        const string queue = "exchangehub.bench.relay";
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await BindQueueAsync(channel, queue);
        try
        {
            var starting = Stopwatch.StartNew();
            await using var app = Build(database, enabled: true, broker, directPublish);
            await app.StartHubAsync();
            var hubStart = starting.Elapsed;
            var clock = Stopwatch.StartNew();
            var store = app.Services.GetRequiredService<HubDatabase>();
            while (await AnyUnsentAsync(store))
            {
                await Task.Delay(25);
            }
            clock.Stop();
            await app.StopAsync();
            var queued = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            if (queued < events)
            {
                throw new BenchmarkException($"relay: every row is marked sent but the queue holds {queued:N0} of {events:N0} events.");
            }
            return (clock.Elapsed, queued, hubStart);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    /// <summary>
    /// Commit-to-receipt latency: a hub with its relay over an empty SQLite file; <paramref name="rate"/> events a second
    /// for <paramref name="seconds"/>, each committed to the outbox in its own transaction and signalled
    /// (<see cref="OutboxSignal.Notify"/>) as a decision would; a consumer of <see cref="AllEventsExchange"/> notes when
    /// each arrives (by its AMQP message id = EventId). The broker routes a persistent message to the queue before it
    /// confirms it, so receipt is at most a little earlier than the confirm the relay waits for.
    /// </summary>
    public static async Task<RelayLatency> LatencyAsync(string database, Uri broker, int rate, int seconds, string correlation, double goalP99Ms,
        bool directPublish)
    {
        var count = rate * seconds;
        var events = RelayEvents.Create(count, 10_000, correlation + "-latency");
        var committedAt = new long[count];
        var receivedAt = new long[count];
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            index[events[i].EventId.ToString()] = i;
        }
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        const string queue = "exchangehub.bench.latency";
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await BindQueueAsync(channel, queue);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            if (delivery.BasicProperties.MessageId is { } id && index.TryGetValue(id, out var i) && Interlocked.CompareExchange(ref receivedAt[i], now, 0) == 0
                && Interlocked.Increment(ref received) == count)
            {
                done.TrySetResult();
            }
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        try
        {
            await using var app = Build(database, enabled: true, broker, directPublish);
            await app.StartHubAsync();
            var db = app.Services.GetRequiredService<HubDatabase>();
            var writer = app.Services.GetRequiredService<OutboxWriter>();
            var signal = app.Services.GetRequiredService<OutboxSignal>();
            // Let the bus connect and the relay reach its idle wait first: the part measures a running relay.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                // Event i is due at i / rate seconds after the start: commit whatever is due, then wait for the next.
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                while (Stopwatch.GetTimestamp() < due)
                {
                    await Task.Delay(1);
                }
                await using (var lease = await db.AcquireWriterAsync(CancellationToken.None))
                {
                    await lease.BeginAsync(CancellationToken.None);
                    await writer.EnqueueAsync(lease, events[i], CancellationToken.None);
                    await lease.CommitAsync(CancellationToken.None);
                }
                committedAt[i] = Stopwatch.GetTimestamp();
                signal.Notify();
            }
            if (await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(60))) != done.Task)
            {
                throw new BenchmarkException($"latency: {Volatile.Read(ref received):N0} of {count:N0} events arrived within 60 s.");
            }
            await app.StopAsync();
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
        var latencies = Enumerable.Range(0, count)
            .Select(i => (receivedAt[i] - committedAt[i]) * 1000.0 / Stopwatch.Frequency)
            .Order()
            .ToArray();
        // Where the tail is: events over the goal, by the second of the part in which they were committed.
        var slow = Enumerable.Range(0, count)
            .Where(i => (receivedAt[i] - committedAt[i]) * 1000.0 / Stopwatch.Frequency > goalP99Ms)
            .GroupBy(i => i / rate)
            .Select(g => $"s{g.Key}: {g.Count()} (max {g.Max(i => (receivedAt[i] - committedAt[i]) * 1000.0 / Stopwatch.Frequency):N0} ms)")
            .ToList();
        Console.WriteLine($"  latency: events over {goalP99Ms:N0} ms by second committed: {(slow.Count == 0 ? "none" : string.Join(", ", slow))}");
        double Percentile(double p) => Math.Round(latencies[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)], 2);
        var p99 = Percentile(0.99);
        return new RelayLatency(rate, count, Percentile(0.50), p99, Math.Round(latencies[^1], 2), goalP99Ms, p99 <= goalP99Ms);
    }

    /// <summary>
    /// The MassTransit publish path alone, without the relay's rounds and database writes: the hub's bus and
    /// <see cref="OutboxPublisher"/> (<c>DirectPublish = false</c>: through <c>bus.Publish</c>) publish the outbox's rows
    /// (read once, untimed) with <paramref name="window"/> publishes in flight. Shows how much of the relay's time
    /// MassTransit's publish takes. The rows stay unsent.
    /// </summary>
    public static async Task<TimeSpan> MassTransitOnlyAsync(string database, Uri broker, int events, int window)
    {
        // A queue bound as in the other parts: without one the broker dropped every message unrouted (no persistence),
        // and this part showed 17,000/s — faster than any publisher that stores its messages.
        const string queue = "exchangehub.bench.masstransit";
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await BindQueueAsync(channel, queue);
        try
        {
            return await PublishRowsAsync(database, broker, events, window);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    private static async Task<TimeSpan> PublishRowsAsync(string database, Uri broker, int events, int window)
    {
        await using var app = Build(database, enabled: false, broker);
        await app.StartHubAsync();
        // Let the bus connect first (the relay's timing includes it, this part measures publishing).
        await Task.Delay(TimeSpan.FromSeconds(2));
        var rows = await app.Services.GetRequiredService<OutboxStore>().ReadUnsentAsync(events, CancellationToken.None);
        var publisher = app.Services.GetRequiredService<OutboxPublisher>();
        using var slots = new SemaphoreSlim(window, window);
        var failed = 0;
        var clock = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            await slots.WaitAsync();
            _ = PublishAsync(row);
        }
        for (var i = 0; i < window; i++)
        {
            await slots.WaitAsync();
        }
        clock.Stop();
        await app.StopAsync();
        return failed == 0 ? clock.Elapsed : throw new BenchmarkException($"MassTransit only: {failed} publishes failed.");

        async Task PublishAsync(PendingMessage row)
        {
            try
            {
                await publisher.PublishAsync(row, CancellationToken.None);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>A durable classic queue bound to <see cref="AllEventsExchange"/> (declared as MassTransit declares it).</summary>
    /// <remarks>
    /// Fixed names, deleted before they are declared: a run killed before its own delete left its queue bound to the
    /// fanout exchange, where it took a copy of every event published after it (one here held 2.8 million messages
    /// and slowed the broker — every relay figure and the latency p99 of the runs after it — until it was found).
    /// </remarks>
    public static async Task BindQueueAsync(IChannel channel, string queue)
    {
        await channel.QueueDeleteAsync(queue);
        await channel.ExchangeDeclareAsync(AllEventsExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        // The event type's exchange, bound to the all-events exchange as the hub's topology binds it: the baseline
        // publishes there, so it pays the same exchange hop as the relay (and a fresh broker has it before the hub runs).
        await channel.ExchangeDeclareAsync(EventExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.ExchangeBindAsync(AllEventsExchange, EventExchange, "");
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, AllEventsExchange, "");
    }

    private static async Task<bool> AnyUnsentAsync(HubDatabase database)
    {
        await using var connection = await database.OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM outbox_messages WHERE sent_at_unix_ms IS NULL)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Hub settings of the relay and latency hubs beyond the defaults (<c>--set Key=Value</c>), for A/B runs.</summary>
    public static IReadOnlyDictionary<string, string?> ExtraSettings { get; set; } = new Dictionary<string, string?>();

    private static WebApplication Build(string database, bool enabled, Uri? broker, bool directPublish = false) =>
        HubApp.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory], builder =>
        {
            var settings = new Dictionary<string, string?>(ExtraSettings)
            {
                ["Hub:Storage:Provider"] = "Sqlite",
                ["Hub:Storage:ConnectionString"] = $"Data Source={database}",
                ["Hub:Messaging:Enabled"] = enabled ? "true" : "false",
                ["Hub:Messaging:RabbitMqUri"] = broker?.ToString() ?? "amqp://guest:guest@127.0.0.1:5672/",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:MassTransit"] = "Warning",
            };
            if (directPublish)
            {
                settings["Hub:Messaging:DirectPublish"] = "true";
            }
            // Otherwise the hub's own default relay (the pipelined relay on SQLite), or what --set says.
            builder.Configuration.AddInMemoryCollection(settings);
        });
}

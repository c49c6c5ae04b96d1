extern alias hub;

using System.Diagnostics;
using ExchangeHub.Contracts;
using hub::ExchangeHub.Server;
using hub::ExchangeHub.Server.Outbox;
using hub::ExchangeHub.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

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

    /// <summary>Starts the hub with its relay and waits until no row is unsent; returns the time and what a queue received.</summary>
    public static async Task<(TimeSpan Elapsed, long Queued)> RunAsync(string database, Uri broker, int events)
    {
        var queue = "exchangehub.bench.relay." + Guid.NewGuid().ToString("N")[..8];
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(AllEventsExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, AllEventsExchange, "");
        try
        {
            var clock = Stopwatch.StartNew();
            await using var app = Build(database, enabled: true, broker);
            await app.StartHubAsync();
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
            return (clock.Elapsed, queued);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    private static async Task<bool> AnyUnsentAsync(HubDatabase database)
    {
        await using var connection = await database.OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM outbox_messages WHERE sent_at_unix_ms IS NULL)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    private static WebApplication Build(string database, bool enabled, Uri? broker) =>
        HubApp.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hub:Storage:Provider"] = "Sqlite",
                ["Hub:Storage:ConnectionString"] = $"Data Source={database}",
                ["Hub:Messaging:Enabled"] = enabled ? "true" : "false",
                ["Hub:Messaging:RabbitMqUri"] = broker?.ToString() ?? "amqp://guest:guest@127.0.0.1:5672/",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:MassTransit"] = "Warning",
            });
        });
}

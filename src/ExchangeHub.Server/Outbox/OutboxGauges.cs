using ExchangeHub.Server.Telemetry;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Feeds the outbox gauges (unsent rows, oldest unsent age, parked rows) from <see cref="OutboxStore.BacklogAsync"/>,
/// read at most once per <see cref="Ttl"/> however often Prometheus scrapes, and with a timeout: a slow database makes
/// a scrape report the last value (or none), it never holds the scrape.
/// </summary>
public sealed class OutboxGauges(OutboxStore store, HubMetrics metrics, TimeProvider clock, ILogger<OutboxGauges> logger) : IHostedService
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private OutboxBacklog? _last;
    private long _readAtTimestamp;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.ObserveOutbox(Current);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The cached backlog, read again when older than <see cref="Ttl"/> (one reader at a time; the others get the last).</summary>
    public OutboxBacklog? Current()
    {
        if (_last is not null && clock.GetElapsedTime(Volatile.Read(ref _readAtTimestamp)) < Ttl)
        {
            return _last;
        }
        if (!_gate.TryEnter())
        {
            return _last;
        }
        try
        {
            using var timeout = new CancellationTokenSource(ReadTimeout);
            // Observable instruments are read synchronously by the exporter; the read is bounded by the timeout.
            _last = store.BacklogAsync(timeout.Token).GetAwaiter().GetResult();
            Volatile.Write(ref _readAtTimestamp, clock.GetTimestamp());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Reading the outbox backlog for the metrics failed; the gauges report the last value");
        }
        finally
        {
            _gate.Exit();
        }
        return _last;
    }
}

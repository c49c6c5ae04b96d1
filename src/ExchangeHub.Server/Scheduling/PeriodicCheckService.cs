using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Scheduling;

/// <summary>
/// A check the hub runs on its own every <c>interval</c> (refund reminders, overdue claims, missed transfer
/// deadlines): once at start, then on each tick of the <see cref="TimeProvider"/>. A failed round is logged and tried
/// again at the next tick. The interval must lie between 1 second and 1 day (a <see cref="PeriodicTimer"/> cannot wait
/// more than ~49 days, and a check that rare is a configuration error); otherwise the hub does not start. With several
/// replicas on PostgreSQL a round runs on one replica at a time (a cluster lease per check); the others skip that tick.
/// Each check's own conditional updates make its notice once even without the lease.
/// </summary>
public abstract class PeriodicCheckService(HubDatabase database, bool enabled, TimeSpan interval, string intervalSetting, string what, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!enabled)
        {
            return;
        }
        if (interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"{intervalSetting} must be between 00:00:01 and 1.00:00:00, not {interval}.");
        }
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                if (await database.TryHoldAsync(LockScope.PeriodicCheck, GetType().Name, stoppingToken) is { } lease)
                {
                    await using (lease)
                    {
                        await RunOnceAsync(stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (logger.IsEnabled(LogLevel.Error))
                {
                    logger.LogError(ex, "{What} failed; trying again at the next interval", what);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Refunds;

/// <summary>Looks for due reminders periodically (<see cref="RefundOptions.ReminderCheckInterval"/>).</summary>
public sealed class RefundReminderService(RefundActions actions, IOptions<RefundOptions> options, TimeProvider clock,
    ILogger<RefundReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendReminders)
        {
            return;
        }
        if (options.Value.ReminderCheckInterval < TimeSpan.FromSeconds(1) || options.Value.ReminderCheckInterval > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"Hub:Refunds:ReminderCheckInterval must be between 00:00:01 and 1.00:00:00, not {options.Value.ReminderCheckInterval}.");
        }
        using var timer = new PeriodicTimer(options.Value.ReminderCheckInterval, clock);
        do
        {
            try
            {
                await actions.SendDueRemindersAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "looking for due refund reminders failed; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

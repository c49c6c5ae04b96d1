using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Transfers;

/// <summary>Looks for transfer-outs not acted on by their due date periodically (<see cref="TransferOptions.DeadlineCheckInterval"/>).</summary>
public sealed class TransferDeadlineService(TransferWorkflow workflow, IOptions<TransferOptions> options, TimeProvider clock,
    ILogger<TransferDeadlineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendDeadlineNotices)
        {
            return;
        }
        if (options.Value.DeadlineCheckInterval < TimeSpan.FromSeconds(1) || options.Value.DeadlineCheckInterval > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException(
                $"Hub:Transfers:DeadlineCheckInterval must be between 00:00:01 and 1.00:00:00, not {options.Value.DeadlineCheckInterval}.");
        }
        using var timer = new PeriodicTimer(options.Value.DeadlineCheckInterval, clock);
        do
        {
            try
            {
                await workflow.SendDeadlineNoticesAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (logger.IsEnabled(LogLevel.Error))
                {
                    logger.LogError(ex, "looking for missed transfer deadlines failed; trying again at the next interval");
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

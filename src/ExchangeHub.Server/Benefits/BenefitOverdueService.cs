using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Benefits;

/// <summary>Looks for claims not decided by their due date periodically (<see cref="BenefitOptions.OverdueCheckInterval"/>).</summary>
public sealed class BenefitOverdueService(BenefitClaimWorkflow workflow, IOptions<BenefitOptions> options, TimeProvider clock,
    ILogger<BenefitOverdueService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendOverdueNotices)
        {
            return;
        }
        if (options.Value.OverdueCheckInterval < TimeSpan.FromSeconds(1) || options.Value.OverdueCheckInterval > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException(
                $"Hub:Benefits:OverdueCheckInterval must be between 00:00:01 and 1.00:00:00, not {options.Value.OverdueCheckInterval}.");
        }
        using var timer = new PeriodicTimer(options.Value.OverdueCheckInterval, clock);
        do
        {
            try
            {
                await workflow.SendOverdueNoticesAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (logger.IsEnabled(LogLevel.Error))
                {
                    logger.LogError(ex, "looking for overdue benefit claims failed; trying again at the next interval");
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using ExchangeHub.Server.Scheduling;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Benefits;

/// <summary>Looks for claims not decided by their due date periodically (<see cref="BenefitOptions.OverdueCheckInterval"/>).</summary>
public sealed class BenefitOverdueService(HubDatabase database, BenefitClaimWorkflow workflow, IOptions<BenefitOptions> options, TimeProvider clock,
    ILogger<BenefitOverdueService> logger)
    : PeriodicCheckService(database, options.Value.SendOverdueNotices, options.Value.OverdueCheckInterval, "Hub:Benefits:OverdueCheckInterval",
        "looking for overdue benefit claims", clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => workflow.SendOverdueNoticesAsync(ct);
}

using ExchangeHub.Server.Scheduling;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Transfers;

/// <summary>Looks for transfer-outs not acted on by their due date periodically (<see cref="TransferOptions.DeadlineCheckInterval"/>).</summary>
public sealed class TransferDeadlineService(HubDatabase database, TransferWorkflow workflow, IOptions<TransferOptions> options, TimeProvider clock,
    ILogger<TransferDeadlineService> logger)
    : PeriodicCheckService(database, options.Value.SendDeadlineNotices, options.Value.DeadlineCheckInterval, "Hub:Transfers:DeadlineCheckInterval",
        "looking for missed transfer deadlines", clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => workflow.SendDeadlineNoticesAsync(ct);
}

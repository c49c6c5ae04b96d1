using ExchangeHub.Server.Scheduling;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Common.Retries;

/// <summary>
/// Deletes request ids older than <see cref="RetryOptions.KeepDays"/> every <see cref="RetryOptions.SweepInterval"/>, so
/// <c>request_ids</c> holds at most that many days of mutating calls.
/// </summary>
public sealed class RequestIdSweepService(HubDatabase database, RequestIdStore store, IOptions<RetryOptions> options, TimeProvider clock,
    ILogger<RequestIdSweepService> logger)
    : PeriodicCheckService(database, options.Value.Sweep, options.Value.SweepInterval, "Hub:Retries:SweepInterval",
        "sweeping old request ids", clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => store.SweepAsync(TimeSpan.FromDays(options.Value.KeepDays), ct);
}

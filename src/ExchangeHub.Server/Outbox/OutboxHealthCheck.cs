using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// <c>outbox</c>: Degraded when the oldest unsent event is older than <see cref="MessagingOptions.DegradedAfter"/>
/// (the broker is away or the relay is stuck). Never Unhealthy: the hub keeps taking feeds while events wait.
/// </summary>
public sealed class OutboxHealthCheck(OutboxStore store, IOptions<MessagingOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oldest = await store.OldestUnsentAsync(cancellationToken);
        if (oldest is null)
        {
            return HealthCheckResult.Healthy("every event is published");
        }
        var age = clock.GetUtcNow() - oldest.Value;
        var data = new Dictionary<string, object> { ["oldestUnsentAgeSeconds"] = Math.Round(age.TotalSeconds, 1) };
        var o = options.Value;
        if (!o.Enabled)
        {
            return HealthCheckResult.Healthy("relay disabled (Hub:Messaging:Enabled = false); events wait in the outbox", data);
        }
        return age > o.DegradedAfter
            ? HealthCheckResult.Degraded($"the oldest unsent event is {age.TotalSeconds:0} s old: is the broker reachable?", data: data)
            : HealthCheckResult.Healthy("events are flowing", data);
    }
}

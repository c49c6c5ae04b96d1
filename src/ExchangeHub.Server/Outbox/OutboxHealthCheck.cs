using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// <c>outbox</c>: Degraded when a row is parked (naming its subjects: they wait for an operator) or when the oldest
/// unsent event is older than <see cref="MessagingOptions.DegradedAfter"/> (the broker is away or the relay is stuck).
/// Never Unhealthy: the hub keeps taking feeds while events wait.
/// </summary>
public sealed class OutboxHealthCheck(OutboxStore store, IOptions<MessagingOptions> options, TimeProvider clock) : IHealthCheck
{
    /// <summary>Subjects named in the description at most; the data carries the count.</summary>
    private const int NamedSubjects = 20;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var parked = await store.ParkedSubjectsAsync(cancellationToken);
        if (parked.Count > 0)
        {
            var named = string.Join(", ", parked.Take(NamedSubjects)) + (parked.Count > NamedSubjects ? $", … ({parked.Count} in all)" : "");
            return HealthCheckResult.Degraded(
                $"events parked for {parked.Count} subject(s), which wait: {named}; see exchangehub outbox parked",
                data: new Dictionary<string, object> { ["parkedSubjects"] = parked.Count, ["parkedSubjectKeys"] = parked.Take(NamedSubjects).ToArray() });
        }
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

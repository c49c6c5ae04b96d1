using System.Diagnostics;

namespace ExchangeHub.Server.Telemetry;

/// <summary>
/// The hub's one <see cref="ActivitySource"/> (and the name its one meter shares, <see cref="HubMetrics"/>): a feed call,
/// a reconciliation run and its chunks, an outbox publish. Static because activities are process-wide anyway and
/// cost nothing while nobody listens.
/// </summary>
public static class HubTelemetry
{
    public const string Name = "ExchangeHub";

    public static readonly ActivitySource Source = new(Name, typeof(HubTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The current activity's W3C <c>traceparent</c>, to store beside what it caused (an outbox row); null when none.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts an activity continuing the stored <paramref name="traceParent"/> (a row written by another activity, maybe
    /// in another process or before a restart); a new root when it is missing or malformed.
    /// </summary>
    public static Activity? StartContinuing(string name, ActivityKind kind, string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}

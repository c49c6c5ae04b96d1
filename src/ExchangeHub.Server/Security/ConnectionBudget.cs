using ExchangeHub.Server.Configuration;

namespace ExchangeHub.Server.Security;

/// <summary>
/// How many connections the hub takes at once: the configured <c>Hub:Limits:MaxConcurrentConnections</c>, never more
/// than the file limit minus the descriptors reserved for the database, the broker and logs (0 configured = that bound).
/// </summary>
public sealed record ConnectionBudget(long? FileLimit, long Configured, long? MaxConnections)
{
    public static ConnectionBudget From(LimitsOptions limits, long? fileLimit)
    {
        long? bound = fileLimit is { } files
            ? Math.Max(1, files > 2 * limits.ReservedFileDescriptors ? files - limits.ReservedFileDescriptors : files / 2)
            : null;
        long? max = (limits.MaxConcurrentConnections, bound) switch
        {
            ( > 0, { } b) => Math.Min(limits.MaxConcurrentConnections, b),
            ( > 0, null) => limits.MaxConcurrentConnections,
            (_, var b) => b,
        };
        return new ConnectionBudget(fileLimit, limits.MaxConcurrentConnections, max);
    }
}

using ExchangeHub.Server.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ExchangeHub.Server.Security;

/// <summary>Kestrel's side of <c>Hub:Limits</c>: timeouts that close idle, preface-less or silent connections, and the connection cap.</summary>
public static class KestrelLimits
{
    public static void Apply(KestrelServerLimits kestrel, LimitsOptions limits, ConnectionBudget budget)
    {
        // Http2Connection arms the keep-alive timer before it reads the preface: a connection that never sends the
        // preface (or trickles it) is closed when it fires, as is one that opens no stream.
        kestrel.KeepAliveTimeout = limits.ConnectionIdleTimeout;
        kestrel.RequestHeadersTimeout = limits.RequestHeadersTimeout;
        kestrel.Http2.KeepAlivePingDelay = limits.KeepAlivePingDelay;
        kestrel.Http2.KeepAlivePingTimeout = limits.KeepAlivePingTimeout;
        kestrel.Http2.MaxStreamsPerConnection = limits.MaxStreamsPerConnection;
        kestrel.MaxConcurrentConnections = budget.MaxConnections;
    }
}

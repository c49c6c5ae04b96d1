namespace ExchangeHub.Server.Configuration;

/// <summary>
/// <c>Hub:Limits</c>: what a hostile or broken client may hold of the hub (issue 13, item 6). Every limit ends the
/// offending connection or call only; the hub keeps serving everyone else. README "Limits" lists what a client sees.
/// </summary>
public sealed class LimitsOptions
{
    /// <summary>
    /// A connection with no call open (and one that never finishes the HTTP/2 preface) is closed after this long:
    /// Kestrel's <c>KeepAliveTimeout</c>, whose timer runs from the connection's start until the first stream.
    /// </summary>
    public TimeSpan ConnectionIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time a client has to send a request's headers (Kestrel's <c>RequestHeadersTimeout</c>).</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The hub pings a connection that sent nothing for this long (HTTP/2 PING; Kestrel's <c>KeepAlivePingDelay</c>).</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A ping not answered within this long closes the connection (<c>KeepAlivePingTimeout</c>): a peer that vanished.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A client stream that delivers no whole message for this long is ended DEADLINE_EXCEEDED
    /// (<c>STREAM_IDLE_TIMEOUT</c>); a stream trickling bytes never completes a message, so it is ended too.
    /// grpc-dotnet switches Kestrel's minimum request data rate off for streaming calls, hence this timer.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A client stream open longer than this is ended DEADLINE_EXCEEDED (<c>STREAM_DURATION_EXCEEDED</c>) at its next
    /// read; the batches stored before stay stored and a retry of the rest is idempotent.
    /// </summary>
    public TimeSpan MaxStreamDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most calls one agency may have open at once, over every connection and replica-local; beyond → RESOURCE_EXHAUSTED (<c>AGENCY_STREAM_LIMIT</c>).</summary>
    public int MaxStreamsPerAgency { get; set; } = 100;

    /// <summary>Most streams open on one HTTP/2 connection (Kestrel's <c>Http2.MaxStreamsPerConnection</c>); the client queues the rest.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>
    /// Most connections at once; 0 = derived from the process's file limit (RLIMIT_NOFILE) minus
    /// <see cref="ReservedFileDescriptors"/>. A configured value above that is lowered to it (logged at start).
    /// </summary>
    public long MaxConcurrentConnections { get; set; }

    /// <summary>File descriptors kept for the database, the broker, logs and the listening sockets.</summary>
    public long ReservedFileDescriptors { get; set; } = 256;
}

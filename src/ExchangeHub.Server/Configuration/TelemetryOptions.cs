namespace ExchangeHub.Server.Configuration;

/// <summary>The <c>Hub:Telemetry</c> section: the Prometheus <c>/metrics</c> endpoint and the optional OTLP exporter.</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Serves <c>/metrics</c> (Prometheus text). Unset: on in DevToken mode (loopback only), off in MutualTls — a
    /// production hub exposes operational counts only when its operators asked for it.
    /// </summary>
    public bool? Metrics { get; set; }

    /// <summary>
    /// A port of its own for <c>/metrics</c>, on the host of the hub's first address, over HTTP/1.1 (what Prometheus
    /// speaks; the gRPC addresses are HTTP/2 only). Unset: <c>/metrics</c> is served on the gRPC addresses (HTTP/2).
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>An OTLP collector (e.g. <c>http://127.0.0.1:4317</c>) to export traces and metrics to; unset: none.</summary>
    public string? OtlpEndpoint { get; set; }

    public bool MetricsOn(AuthenticationMode mode) => Metrics ?? mode != AuthenticationMode.MutualTls;
}

using ExchangeHub.Server.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ExchangeHub.Server.Telemetry;

/// <summary>
/// Registers OpenTelemetry: the hub's meter (Prometheus <c>/metrics</c> when on, OTLP when an endpoint is configured)
/// and its traces (the hub's activities, ASP.NET Core's request spans — one per gRPC call — and MassTransit's send
/// spans). Traces are always sampled in-process, so every outbox row records its trace context even without an exporter.
/// </summary>
public static class Extensions
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, HubOptions options)
    {
        var telemetry = options.Telemetry;
        var metricsOn = telemetry.MetricsOn(options.Security.Mode);
        Uri? otlp = string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint) ? null : new Uri(telemetry.OtlpEndpoint);
        services.AddSingleton<HubMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(HubTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(HubTelemetry.Name);
                if (metricsOn)
                {
                    metrics.AddPrometheusExporter();
                }
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(HubTelemetry.Name, "MassTransit")
                    // /metrics scrapes and health probes are not worth a span each.
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path != MetricsPath);
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        return services;
    }

    /// <summary>
    /// Serves <c>/metrics</c> when it is on: on <see cref="TelemetryOptions.MetricsPort"/> only when one is configured
    /// (the connection's local port decides, not the client's Host header), else on the hub's addresses. It needs no
    /// agency credentials (operators scrape it; it carries counts by closed labels, no ids).
    /// </summary>
    public static void UseHubMetrics(this WebApplication app, HubOptions options)
    {
        if (!options.Telemetry.MetricsOn(options.Security.Mode))
        {
            return;
        }
        var port = options.Telemetry.MetricsPort;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == MetricsPath && (port is null || http.Connection.LocalPort == port));
    }

    /// <summary>The metrics address: the first hub address's scheme and host with <paramref name="port"/>.</summary>
    public static string MetricsUrl(string firstUrl, int port)
    {
        var schemeEnd = firstUrl.IndexOf("://", StringComparison.Ordinal);
        var scheme = firstUrl[..schemeEnd];
        var rest = firstUrl[(schemeEnd + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)] : rest.Split(':', '/')[0];
        return $"{scheme}://{host}:{port}";
    }
}

using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>Relay settings for tests: the test broker, short timeouts and back-off so a restart is noticed quickly.</summary>
internal static class RelaySettings
{
    public const string RefundOfferedExchange = "exchangehub.v1.refund-offered";

    /// <summary>
    /// <paramref name="pipelined"/>: the pipelined relay (<c>Hub:Messaging:Pipelined</c>, on the direct path it needs), so
    /// the relay tests run their bodies against both relays.
    /// </summary>
    public static Dictionary<string, string?> For(Uri? broker = null, string publishTimeout = "00:00:03", bool pipelined = false) => new()
    {
        ["Hub:Messaging:DirectPublish"] = pipelined ? "true" : "false",
        ["Hub:Messaging:Pipelined"] = pipelined ? "true" : "false",
        ["Hub:Messaging:Enabled"] = "true",
        ["Hub:Messaging:RabbitMqUri"] = (broker ?? EventSubscriber.BrokerUri).ToString(),
        ["Hub:Messaging:PublishTimeout"] = publishTimeout,
        ["Hub:Messaging:PollInterval"] = "00:00:00.100",
        ["Hub:Messaging:InitialRetryDelay"] = "00:00:00.200",
        ["Hub:Messaging:MaxRetryDelay"] = "00:00:01",
        ["Hub:Messaging:DegradedAfter"] = "00:00:00.500",
    };

    public static string NewCorrelationId() => "outbox-test-" + Guid.NewGuid().ToString("N")[..10];
}

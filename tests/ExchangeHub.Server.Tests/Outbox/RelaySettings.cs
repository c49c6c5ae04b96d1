using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>Relay settings for tests: the test broker, short timeouts and back-off so a restart is noticed quickly.</summary>
internal static class RelaySettings
{
    public const string RefundOfferedExchange = "exchangehub.v1.refund-offered";

    public static Dictionary<string, string?> For(Uri? broker = null, string publishTimeout = "00:00:03") => new()
    {
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

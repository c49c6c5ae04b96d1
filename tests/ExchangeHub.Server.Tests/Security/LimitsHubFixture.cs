using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>A hub with its Hub:Limits lowered to seconds, so that tests can reach every limit quickly.</summary>
public sealed class LimitsHubFixture : IAsyncLifetime
{
    public static readonly TimeSpan ConnectionIdle = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan StreamIdle = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan StreamDuration = TimeSpan.FromSeconds(5);
    public const int StreamsPerAgency = 2;

    public TestHub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>(HubFixture.ExtraAgencies)
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Limits:ConnectionIdleTimeout"] = ConnectionIdle.ToString(),
        ["Hub:Limits:StreamIdleTimeout"] = StreamIdle.ToString(),
        ["Hub:Limits:MaxStreamDuration"] = StreamDuration.ToString(),
        ["Hub:Limits:MaxStreamsPerAgency"] = StreamsPerAgency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

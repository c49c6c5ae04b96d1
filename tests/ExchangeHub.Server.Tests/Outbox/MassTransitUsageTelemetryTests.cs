using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>
/// MassTransit 8.4+ reports its bus configuration to usage-tracking.masstransit.io by default; the hub turns that off,
/// so it makes no outbound call its operators did not configure.
/// </summary>
public sealed class MassTransitUsageTelemetryTests
{
    [Fact]
    public async Task Hub_MassTransitUsageTelemetry_IsOff()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new() { ["Hub:Messaging:Enabled"] = "false" });
        var options = hub.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value;
        Assert.False(options.Enabled);
    }
}

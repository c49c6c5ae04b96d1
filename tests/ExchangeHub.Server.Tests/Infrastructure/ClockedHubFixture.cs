using ExchangeHub.Server.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>
/// One hub shared by the tests of a class, on a fake clock at 2024-11-30 10:00 China Standard Time (so "today",
/// "yesterday" and "tomorrow" are fixed), without the broker or background notices, and with a second market regulator
/// limited to divisions 01 and 02 (<see cref="RegionalMarketToken"/>). Each test uses its own record ids and persons.
/// </summary>
public abstract class ClockedHubFixture(StorageProvider provider) : IAsyncLifetime
{
    /// <summary>The bearer token of <c>market-2</c>, a market regulator whose jurisdiction is divisions 01 and 02.</summary>
    public const string RegionalMarketToken = "market-2-token";

    /// <summary>Today on <see cref="Clock"/>, China Standard Time.</summary>
    public static readonly DateOnly Today = new(2024, 11, 30);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));

    public TestHub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        ["Hub:Transfers:SendDeadlineNotices"] = "false",
        ["Hub:Security:Agencies:5:Id"] = "market-2",
        ["Hub:Security:Agencies:5:Roles:0"] = "MARKET_REGULATION",
        ["Hub:Security:Agencies:5:TokenSha256"] = Server.Security.AgencyDirectory.Sha256Hex(RegionalMarketToken),
        ["Hub:Security:Agencies:5:Divisions:0"] = "01",
        ["Hub:Security:Agencies:5:Divisions:1"] = "02",
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

public sealed class SqliteClockedHubFixture() : ClockedHubFixture(StorageProvider.Sqlite);

public sealed class PostgresClockedHubFixture() : ClockedHubFixture(StorageProvider.Postgres);

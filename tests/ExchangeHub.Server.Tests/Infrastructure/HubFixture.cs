using ExchangeHub.Server.Configuration;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>One hub shared by the tests of a class (each test uses its own record ids).</summary>
public abstract class HubFixture(StorageProvider provider) : IAsyncLifetime
{
    /// <summary>Extra tax agencies so tests can run several agencies' streams at once.</summary>
    public static readonly Dictionary<string, string?> ExtraAgencies = new()
    {
        ["Hub:Security:Agencies:5:Id"] = "tax-2",
        ["Hub:Security:Agencies:5:Roles:0"] = "TAX_BUREAU",
        ["Hub:Security:Agencies:5:TokenSha256"] = Server.Security.AgencyDirectory.Sha256Hex("tax-2-token"),
        ["Hub:Security:Agencies:6:Id"] = "tax-3",
        ["Hub:Security:Agencies:6:Roles:0"] = "TAX_BUREAU",
        ["Hub:Security:Agencies:6:TokenSha256"] = Server.Security.AgencyDirectory.Sha256Hex("tax-3-token"),
        ["Hub:Security:Agencies:7:Id"] = "no-role",
        ["Hub:Security:Agencies:7:TokenSha256"] = Server.Security.AgencyDirectory.Sha256Hex("no-role-token"),
    };

    public TestHub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, ExtraAgencies);

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

public sealed class SqliteHubFixture() : HubFixture(StorageProvider.Sqlite);

public sealed class PostgresHubFixture() : HubFixture(StorageProvider.Postgres);

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Retries;

/// <summary>
/// One hub for the request-id tests of a class, on a clock at 2024-06-30 (inside the 2024 refund programme), without the
/// broker or background notices, with three reconciled units (all eligible: two offered, one labour-dispatch unit awaiting its
/// application) and a second operator agency, <c>operator-2</c>.
/// </summary>
public abstract class RetryHubFixture(StorageProvider provider) : IAsyncLifetime
{
    public const int ToConfirm = 1, ToWaive = 2, ToApply = 3;
    public const string SecondOperatorToken = "operator-2-token";

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        ["Hub:Transfers:SendDeadlineNotices"] = "false",
        ["Hub:Retries:Sweep"] = "false",
        ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024,
        ["Hub:Security:Agencies:5:Id"] = "operator-2",
        ["Hub:Security:Agencies:5:Roles:0"] = "HRSS_OPERATOR",
        ["Hub:Security:Agencies:5:TokenSha256"] = Server.Security.AgencyDirectory.Sha256Hex(SecondOperatorToken),
    };

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2024, 6, 30, 2, 0, 0, TimeSpan.Zero));

    public TestHub Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await TestHub.StartAsync(provider, Settings, NewClock());
        const string p = "rid";
        int[] units = [ToConfirm, ToWaive, ToApply];
        await SeedData.PushAsync(Hub.Channel(TestHub.TaxToken), Hub.Channel(TestHub.MarketToken),
            units.Select(u => SeedData.Unit(u, p, r => r.LabourDispatch = u == ToApply)),
            units.SelectMany(u => SeedData.YearOfLines(u, p)), units.SelectMany(u => SeedData.YearOfSettlements(u, p)));
        var client = new ReconciliationService.ReconciliationServiceClient(Hub.Channel(TestHub.OperatorToken));
        using var run = client.RunReconciliation(new RunReconciliationRequest { DecisionDate = "2024-06-30" }, deadline: Infrastructure.Feeds.Deadline());
        Assert.Equal(3, (await run.ResponseStream.ReadAllAsync().LastAsync()).Run.Eligible);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

public sealed class SqliteRetryHubFixture() : RetryHubFixture(StorageProvider.Sqlite);

public sealed class PostgresRetryHubFixture() : RetryHubFixture(StorageProvider.Postgres);

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;

namespace ExchangeHub.Server.Tests.Replicas;

/// <summary>Two hub processes (replicas) on one fresh PostgreSQL database; the second starts once the first has migrated it.</summary>
public sealed class TwoHubsOnOneDatabase : IAsyncLifetime
{
    private static readonly string[] Settings = ["--Hub:Messaging:Enabled", "false", "--Hub:Refunds:SendReminders", "false"];

    public TestDatabase Database { get; private set; } = null!;
    public HubProcess First { get; private set; } = null!;
    public HubProcess Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        First = await HubProcess.StartAsync(Database, Settings);
        Second = await HubProcess.StartAsync(Database, Settings);
        // One call to each first: connections, JIT and prepared formats are warm when the tests push at the same time.
        foreach (var hub in new[] { First, Second })
        {
            await Infrastructure.Feeds.PushLinesAsync(EventDeliveryTests.Channel(hub, TestHub.TaxToken), [Records.Line("warm-up-" + hub.Address.Port)]);
        }
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Database.DisposeAsync();
    }
}

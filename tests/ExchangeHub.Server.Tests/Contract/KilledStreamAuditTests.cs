using ExchangeHub.AuditLog;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Contract;

/// <summary>
/// Issue 13, item 3: the hub (a real process) killed with SIGKILL while a feed stream is open and its first batch is
/// stored: the stored records have their call's audit entry (the stream's STARTED entry, written before any record),
/// and the chain still verifies.
/// </summary>
public abstract class KilledStreamAuditTests(StorageProvider provider)
{
    [Fact]
    public async Task HubKilledMidStream_StoredRecordsHaveTheirCallsOpeningEntry_ChainVerifies()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var hub = await HubProcess.StartAsync(database);
        try
        {
            using var channel = EventDeliveryTests.Channel(hub, TestHub.MarketToken);
            using var call = new MarketRegulationFeedService.MarketRegulationFeedServiceClient(channel).PushUnits();
            await call.RequestStream.WriteAsync(new PushUnitsRequest { Units = { Records.Unit("kill-1", unit: 1), Records.Unit("kill-2", unit: 2) } });
            // A second batch makes the hub write the first (it writes one batch while it reads the next).
            await call.RequestStream.WriteAsync(new PushUnitsRequest { Units = { Records.Unit("kill-3", unit: 3) } });
            for (var i = 0; i < 400 && await database.ScalarAsync("SELECT COUNT(*) FROM units") < 2; i++)
            {
                await Task.Delay(50);
            }
            hub.Kill();
        }
        finally
        {
            await hub.DisposeAsync();
        }

        Assert.True(await database.ScalarAsync("SELECT COUNT(*) FROM units") >= 2, "the first batch was stored before the kill");
        var audit = new AuditDatabase(provider == StorageProvider.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, database.ConnectionString);
        var entries = await MalformedMessageTests.EntriesAsync(audit);
        var opened = Assert.Single(entries, e => e.Method.EndsWith("/PushUnits", StringComparison.Ordinal));
        Assert.Equal("STARTED", opened.Outcome);
        Assert.True((await audit.VerifyAsync(CancellationToken.None)).Intact);
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteKilledStreamAuditTests() : KilledStreamAuditTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresKilledStreamAuditTests() : KilledStreamAuditTests(StorageProvider.Postgres);

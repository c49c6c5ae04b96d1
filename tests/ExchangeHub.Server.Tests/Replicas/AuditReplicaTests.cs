using ExchangeHub.AuditLog;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;

namespace ExchangeHub.Server.Tests.Replicas;

/// <summary>
/// Issue 15 on PostgreSQL with two hub processes: calls through both extend one chain and one Merkle tree, and the
/// checkpoints come from whichever replica holds the lease — one key (the shared data directory's), every tree size
/// once, and the whole log verifies at the latest.
/// </summary>
[Trait("storage", "postgres")]
[Trait("issue", "15")]
public sealed class AuditReplicaTests(TwoHubsOnOneDatabase hubs) : IClassFixture<TwoHubsOnOneDatabase>
{
    [Fact]
    public async Task Checkpoints_CallsThroughBothReplicas_OneTreeSignedUnderTheLease()
    {
        var summaries = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Infrastructure.Feeds.PushLinesAsync(
            EventDeliveryTests.Channel(i % 2 == 0 ? hubs.First : hubs.Second, TestHub.TaxToken), [Records.Line($"merkle-{i}")])));
        Assert.Equal(10, summaries.Select(s => s.AuditLeafIndex).Distinct().Count());
        var rows = await hubs.Database.ScalarAsync("SELECT COUNT(*) FROM audit_log");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await hubs.Database.ScalarAsync("SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoints") < rows)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint of {rows} entries within 10 s");
            await Task.Delay(50);
        }
        Assert.Equal(1, await hubs.Database.ScalarAsync("SELECT COUNT(DISTINCT key_id) FROM audit_checkpoints"));
        var verification = await new AuditDatabase(DatabaseProvider.Postgres, hubs.Database.ConnectionString).VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, verification.FirstBreak?.Reason);
        Assert.Equal(rows, verification.LatestCheckpoint!.TreeSize);
    }
}

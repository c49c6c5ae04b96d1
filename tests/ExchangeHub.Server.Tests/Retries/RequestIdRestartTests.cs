using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Retries;

/// <summary>
/// A request id outlives its hub (AIP-155): answered by one hub, the same id on a new hub over the same database (the
/// SQLite file, or PostgreSQL) gets the first reply; on PostgreSQL two replicas given one id at once act once.
/// </summary>
[Trait("clause", "AIP-155")]
public abstract class RequestIdRestartTests(StorageProvider provider)
{
    [Fact]
    public async Task SubmitClaim_SameIdAfterARestart_FirstReplyAndOneClaim()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        RetryReply first;
        await using (var hub = await TestHub.StartAsync(database, RetryHubFixture.Settings, RetryHubFixture.NewClock(), ownsDatabase: false))
        {
            first = await RetryCalls.UnaryAsync(RetryCalls.Claims(hub).SubmitClaimAsync(RetryCalls.Claim(700, "before-restart")));
        }

        await using var restarted = await TestHub.StartAsync(database, RetryHubFixture.Settings, RetryHubFixture.NewClock(), ownsDatabase: false);
        var again = await RetryCalls.UnaryAsync(RetryCalls.Claims(restarted).SubmitClaimAsync(RetryCalls.Claim(700, "before-restart")));

        Assert.True(again.Replayed);
        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM benefit_claims"));
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteRequestIdRestartTests() : RequestIdRestartTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresRequestIdRestartTests() : RequestIdRestartTests(StorageProvider.Postgres)
{
    [Fact]
    public async Task SubmitClaim_OneIdOnTwoReplicasAtOnce_OneClaimBothTheFirstReply()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var first = await TestHub.StartAsync(database, RetryHubFixture.Settings, RetryHubFixture.NewClock(), ownsDatabase: false);
        await using var second = await TestHub.StartAsync(database, RetryHubFixture.Settings, RetryHubFixture.NewClock(), ownsDatabase: false);

        var replies = await Task.WhenAll(new[] { first, second, first, second }
            .Select(hub => RetryCalls.UnaryAsync(RetryCalls.Claims(hub).SubmitClaimAsync(RetryCalls.Claim(701, "two-replicas")))));

        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM benefit_claims"));
        Assert.Single(replies, r => !r.Replayed);
        Assert.All(replies, r => Assert.Equal(replies[0].Bytes, r.Bytes));
    }
}

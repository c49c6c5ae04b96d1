using System.Globalization;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>
/// Poison events (issue 14, item 4) against the real broker: a row that cannot be published, or failed too often, is
/// parked; only its subject waits; health names it; the operator's <c>exchangehub outbox</c> retries or releases it,
/// each action in the audit chain.
/// </summary>
[Collection("rabbitmq")]
public sealed class OutboxParkingTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite, false)]
    [InlineData(StorageProvider.Postgres, false)]
    [InlineData(StorageProvider.Sqlite, true)]
    public async Task Relay_UnserialisablePayload_ParkedAtOnceBlocksOnlyItsSubjectUntilReleased(StorageProvider provider, bool pipelined)
    {
        var correlation = RelaySettings.NewCorrelationId();
        await using var subscriber = await EventSubscriber.StartAsync(correlation, RelaySettings.RefundOfferedExchange);
        await using var hub = await TestHub.StartAsync(provider, RelaySettings.For(pipelined: pipelined));
        var poisoned = $"{correlation}-POISON";
        var healthy = $"{correlation}-HEALTHY";
        var poison = await InsertPoisonAsync(hub.Database, poisoned, correlation);
        var behind = OutboxEvents.Offer(poisoned, correlation, 2);
        var other = OutboxEvents.Offer(healthy, correlation, 1);

        await OutboxEvents.WriteAsync(hub, [behind, other]);

        await subscriber.WaitUntilAsync(d => d.Any(x => x.EventId == other.EventId), TimeSpan.FromSeconds(60));
        await OutboxBrokerRestartTests.WaitForAsync(async () =>
            await hub.Database.ScalarAsync($"SELECT COUNT(*) FROM outbox_messages WHERE sequence = {poison} AND parked_at_unix_ms IS NOT NULL") == 1);
        Assert.Equal(1, await hub.Database.ScalarAsync($"SELECT attempts FROM outbox_messages WHERE sequence = {poison}"));
        var health = await OutboxHealthAsync(hub);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains(poisoned, health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(healthy, health.Description, StringComparison.Ordinal);
        await Task.Delay(500); // several relay polls: the row behind the parked one must still wait
        Assert.DoesNotContain(subscriber.Deliveries, d => d.SubjectKey == poisoned);

        var (listed, parked) = await CliAsync(hub.Database, "outbox", "parked");
        Assert.Equal(0, listed);
        Assert.Contains(poisoned, parked, StringComparison.Ordinal);
        Assert.Contains("PoisonMessageException", parked, StringComparison.Ordinal);
        Assert.Equal(0, (await CliAsync(hub.Database, "outbox", "release", Id(poison), "--operator", "ops:test")).Exit);

        await subscriber.WaitUntilAsync(d => d.Any(x => x.EventId == behind.EventId), TimeSpan.FromSeconds(60));
        Assert.Equal(1, (await CliAsync(hub.Database, "outbox", "release", Id(poison))).Exit); // no longer parked: nothing to do
        await OutboxBrokerRestartTests.WaitForAsync(async () => (await OutboxHealthAsync(hub)).Status == HealthStatus.Healthy);
        Assert.Equal(1, await hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM outbox_messages WHERE sequence = {poison} AND sent_at_unix_ms IS NULL AND released_at_unix_ms IS NOT NULL"));
        await AssertAuditedAsync(hub.Database, "exchangehub outbox release", poison);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Relay_FailsParkAfterAttemptsTimes_ParkedAndRetryPublishesItThenItsSubject(bool pipelined)
    {
        var correlation = RelaySettings.NewCorrelationId();
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var subject = $"{correlation}-S";
        var first = OutboxEvents.Offer(subject, correlation, 1);
        var second = OutboxEvents.Offer(subject, correlation, 2);
        long parkedSequence;

        var unreachable = RelaySettings.For(new Uri("amqp://guest:guest@127.0.0.1:1/"), publishTimeout: "00:00:00.500", pipelined: pipelined);
        unreachable["Hub:Messaging:ParkAfterAttempts"] = "2";
        unreachable["Hub:Messaging:MaxRetryDelay"] = "00:00:00.200";
        await using (var down = await TestHub.StartAsync(database, unreachable, ownsDatabase: false))
        {
            await OutboxEvents.WriteAsync(down, [first, second]);
            parkedSequence = await database.ScalarAsync($"SELECT MIN(sequence) FROM outbox_messages WHERE correlation_id = '{correlation}'");
            await OutboxBrokerRestartTests.WaitForAsync(async () => await database.ScalarAsync(
                $"SELECT COUNT(*) FROM outbox_messages WHERE sequence = {parkedSequence} AND parked_at_unix_ms IS NOT NULL") == 1);
            await Task.Delay(1000); // rounds that would count more attempts if the parked row were still tried
            Assert.Equal(2, await database.ScalarAsync($"SELECT attempts FROM outbox_messages WHERE sequence = {parkedSequence}"));
            Assert.Equal(0, await database.ScalarAsync($"SELECT attempts FROM outbox_messages WHERE sequence > {parkedSequence} AND correlation_id = '{correlation}'"));
            var health = await OutboxHealthAsync(down);
            Assert.Equal(HealthStatus.Degraded, health.Status);
            Assert.Contains(subject, health.Description, StringComparison.Ordinal);
        }

        await using var subscriber = await EventSubscriber.StartAsync(correlation, RelaySettings.RefundOfferedExchange);
        await using var up = await TestHub.StartAsync(database, RelaySettings.For(pipelined: pipelined), ownsDatabase: false);
        await Task.Delay(1000); // the broker is up now, but the parked row waits for the operator
        Assert.Empty(subscriber.Deliveries);

        Assert.Equal(0, (await CliAsync(database, "outbox", "retry", Id(parkedSequence))).Exit);

        var deliveries = await subscriber.WaitUntilAsync(d => d.Count >= 2, TimeSpan.FromSeconds(60));
        Assert.Equal([first.EventId, second.EventId], deliveries.Select(d => d.EventId).Take(2));
        await OutboxRelayTests.WaitUntilSentAsync(up, correlation);
        Assert.Equal(0, await database.ScalarAsync($"SELECT COUNT(*) FROM outbox_messages WHERE parked_at_unix_ms IS NOT NULL"));
        await AssertAuditedAsync(database, "exchangehub outbox retry", parkedSequence);
    }

    /// <summary>
    /// <c>outbox retry --all</c>: every parked row un-parked (attempts reset) in one transaction with one audit entry
    /// each; a released row is left alone; nothing parked is exit 1; an id and --all together, or neither, exit 2.
    /// </summary>
    [Fact]
    public async Task Cli_RetryAll_UnparksEveryParkedRowWithOneAuditEntryEach()
    {
        // No relay: it would park the poison rows again the moment they are un-parked.
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new() { ["Hub:Messaging:Enabled"] = "false" });
        var correlation = RelaySettings.NewCorrelationId();
        var rows = new List<long>();
        foreach (var subject in new[] { "A", "B", "C" })
        {
            rows.Add(await InsertPoisonAsync(hub.Database, $"{correlation}-{subject}", correlation));
        }
        await hub.Database.ExecuteAsync($"UPDATE outbox_messages SET parked_at_unix_ms = 1, attempts = 5 WHERE correlation_id = '{correlation}'");
        await hub.Database.ExecuteAsync($"UPDATE outbox_messages SET released_at_unix_ms = 2 WHERE sequence = {rows[2]}");

        Assert.Equal(2, (await CliAsync(hub.Database, "outbox", "retry")).Exit);
        Assert.Equal(2, (await CliAsync(hub.Database, "outbox", "retry", Id(rows[0]), "--all")).Exit);
        Assert.Equal(2, await hub.Database.ScalarAsync($"SELECT COUNT(*) FROM outbox_messages WHERE parked_at_unix_ms IS NOT NULL AND released_at_unix_ms IS NULL"));

        var (exit, output) = await CliAsync(hub.Database, "outbox", "retry", "--all", "--operator", "ops:test");
        Assert.True(exit == 0, output);
        Assert.Contains("2 outbox rows", output, StringComparison.Ordinal);
        Assert.Equal(0, await hub.Database.ScalarAsync($"SELECT COUNT(*) FROM outbox_messages WHERE sequence IN ({rows[0]}, {rows[1]}) AND (parked_at_unix_ms IS NOT NULL OR attempts <> 0)"));
        Assert.Equal(1, await hub.Database.ScalarAsync($"SELECT COUNT(*) FROM outbox_messages WHERE sequence = {rows[2]} AND parked_at_unix_ms IS NOT NULL"));
        await AssertAuditedAsync(hub.Database, "exchangehub outbox retry", rows[0]);
        await AssertAuditedAsync(hub.Database, "exchangehub outbox retry", rows[1]);
        Assert.Equal(0, await hub.Database.ScalarAsync($"SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'outbox row {rows[2]} %'"));

        Assert.Equal(1, (await CliAsync(hub.Database, "outbox", "retry", "--all")).Exit);
        Assert.NotEqual(0, (await CliAsync(hub.Database, "outbox", "release", "--all")).Exit); // release takes one row only
    }

    /// <summary>Writes a row whose payload is not JSON, as a bug or a hand edit might leave it; returns its sequence.</summary>
    private static async Task<long> InsertPoisonAsync(TestDatabase database, string subject, string correlation)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await database.ExecuteAsync(
            "INSERT INTO outbox_messages (message_id, message_type, subject_key, correlation_id, payload, created_at_unix_ms, attempts) "
            + $"VALUES ('{Guid.NewGuid()}', 'urn:message:exchangehub.v1:RefundOffered', '{subject}', '{correlation}', '{{\"eventId\": trunc', {now}, 0)");
        return await database.ScalarAsync($"SELECT sequence FROM outbox_messages WHERE subject_key = '{subject}'");
    }

    private static async Task AssertAuditedAsync(TestDatabase database, string method, long sequence)
    {
        Assert.Equal(1, await database.ScalarAsync(
            $"SELECT COUNT(*) FROM audit_log WHERE method = '{method}' AND detail LIKE 'outbox row {sequence} %'"));
        var (exit, output) = await CliAsync(database, "audit", "verify");
        Assert.True(exit == 0, output);
    }

    private static async Task<(int Exit, string Output)> CliAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ExchangeHub.Cli.CliApp.InvokeAsync(
            [.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString], output);
        return (exit, output.ToString());
    }

    private static string Id(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    private static async Task<HealthReportEntry> OutboxHealthAsync(TestHub hub)
    {
        var report = await hub.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "outbox");
        return report.Entries["outbox"];
    }
}

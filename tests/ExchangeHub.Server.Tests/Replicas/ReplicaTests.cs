using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.Server.Tests.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Replicas;

/// <summary>
/// Several hubs on one PostgreSQL database (issue 6, item 4): relay rounds claim disjoint rows and keep each subject's
/// order, and two replicas sending reminders at the same moment send each once.
/// </summary>
[Trait("storage", "postgres")]
public sealed class ReplicaTests
{
    [Fact]
    public async Task ClaimAsync_TwoRoundsAtOnce_DisjointRowsAndASubjectWaitsBehindItsOlderRow()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Postgres, new Dictionary<string, string?> { ["Hub:Messaging:Enabled"] = "false" });
        var correlation = RelaySettings.NewCorrelationId();
        // Sequence order: A1, A2, B1, C1.
        await OutboxEvents.WriteAsync(hub, [OutboxEvents.Offer("A", correlation, 1), OutboxEvents.Offer("A", correlation, 2),
            OutboxEvents.Offer("B", correlation, 1), OutboxEvents.Offer("C", correlation, 1)]);
        var store = hub.Services.GetRequiredService<OutboxStore>();

        await using var first = await store.ClaimAsync(1, CancellationToken.None);
        await using var second = await store.ClaimAsync(10, CancellationToken.None);

        Assert.Equal(["A"], first.Rows.Select(r => r.SubjectKey));
        // A2 is not locked by the first round, but A1 (older, unsent) is: A2 waits, B1 and C1 go.
        Assert.Equal(["B", "C"], second.Rows.Select(r => r.SubjectKey));
        await second.CompleteAsync([.. second.Rows.Select(r => r.Sequence)], [], CancellationToken.None);
        await first.CompleteAsync([first.Rows[0].Sequence], [], CancellationToken.None);
        var third = await store.ClaimAsync(10, CancellationToken.None);
        Assert.Equal([("A", 2L)], third.Rows.Select(r => (r.SubjectKey, OrderOf(r))));
        await third.DisposeAsync();
        await using var again = await store.ClaimAsync(10, CancellationToken.None);
        Assert.Equal(["A"], again.Rows.Select(r => r.SubjectKey)); // a round that did not complete gave its row back
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task SendDueReminders_TwoReplicasAtTheSameMoment_EachReminderOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 30, 2, 0, 0, TimeSpan.Zero));
        // Reminders of 2024 count on Xinjiang days, which the real file covers for 2025 only (TestPolicies).
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false", ["Hub:Refunds:SendReminders"] = "false", ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024,
        };
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var first = await TestHub.StartAsync(database, settings, clock, ownsDatabase: false);
        await using var second = await TestHub.StartAsync(database, settings, clock, ownsDatabase: false);
        const string p = "rem";
        const int units = 20;
        await SeedData.PushAsync(first.Channel(TestHub.TaxToken), first.Channel(TestHub.MarketToken),
            Enumerable.Range(1, units).Select(u => SeedData.Unit(u, p)), Enumerable.Range(1, units).SelectMany(u => SeedData.YearOfLines(u, p)),
            Enumerable.Range(1, units).SelectMany(u => SeedData.YearOfSettlements(u, p)));
        var run = await EventDeliveryTests.RunAsync(first.Channel(TestHub.OperatorToken));
        Assert.Equal(units, run.Eligible);
        clock.SetUtcNow(new DateTimeOffset(2024, 7, 15, 2, 0, 0, TimeSpan.Zero)); // the working day after the 10 to answer

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(
                first.Services.GetRequiredService<RefundActions>().SendDueRemindersAsync(CancellationToken.None),
                second.Services.GetRequiredService<RefundActions>().SendDueRemindersAsync(CancellationToken.None));
        }

        Assert.Equal(units, await database.ScalarAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type = 'urn:message:exchangehub.v1:RefundReminderDue'"));
        Assert.Equal(units, await database.ScalarAsync(
            "SELECT COUNT(DISTINCT subject_key) FROM outbox_messages WHERE message_type = 'urn:message:exchangehub.v1:RefundReminderDue'"));
        Assert.Equal(units, await database.ScalarAsync("SELECT COUNT(*) FROM refund_cases WHERE reminders_sent = 1"));
    }

    private static long OrderOf(PendingMessage row) =>
        System.Text.Json.JsonDocument.Parse(row.Payload).RootElement.GetProperty("decisionId").GetInt64();
}

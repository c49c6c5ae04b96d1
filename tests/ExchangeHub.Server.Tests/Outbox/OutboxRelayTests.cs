using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>The relay against the real broker while it stays up: every event once, in each subject's order, rows marked sent.</summary>
[Collection("rabbitmq")]
public sealed class OutboxRelayTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite, false)]
    [InlineData(StorageProvider.Postgres, false)]
    [InlineData(StorageProvider.Sqlite, true)]
    public async Task Relay_EventsOfSeveralSubjects_ArriveOnceInSubjectOrderAndMarkedSent(StorageProvider provider, bool pipelined)
    {
        var correlation = RelaySettings.NewCorrelationId();
        await using var subscriber = await EventSubscriber.StartAsync(correlation, RelaySettings.RefundOfferedExchange);
        await using var hub = await TestHub.StartAsync(provider, RelaySettings.For(pipelined: pipelined));
        var events = OutboxEvents.Interleaved(correlation, subjects: 12, perSubject: 25);

        await OutboxEvents.WriteAsync(hub, events, perTransaction: 40);

        var deliveries = await subscriber.WaitUntilAsync(d => d.Count >= events.Count, TimeSpan.FromSeconds(60));
        await WaitUntilSentAsync(hub, correlation);
        Assert.Equal(events.Count, deliveries.Count);
        Assert.Equal(events.Select(e => e.EventId).Order(), deliveries.Select(d => d.EventId).Order());
        Assert.All(deliveries, d => Assert.Equal(d.EventId, d.MessageId));
        Assert.All(deliveries, d => Assert.Contains("urn:message:exchangehub.v1:RefundOffered", d.MessageTypes));
        AssertSubjectOrder(deliveries);
        Assert.Equal(0, await hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM outbox_messages WHERE correlation_id = '{correlation}' AND (sent_at_unix_ms IS NULL OR last_error IS NOT NULL)"));
    }

    /// <summary>
    /// Rounds of a few rows, four in flight at once, few subjects with many rows each: every subject has rows in many
    /// overlapping rounds. Without the window leaving out the subjects that running rounds hold, a later round would
    /// publish a subject's next row before its previous one was confirmed. Pipelined: reads of 7 rows, a window of 4, so
    /// most rows wait behind their subject's unconfirmed row and go out from the confirms.
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite, false)]
    [InlineData(StorageProvider.Postgres, false)]
    [InlineData(StorageProvider.Sqlite, true)]
    public async Task Relay_OverlappingRounds_KeepEachSubjectInOrderAndSendEachEventOnce(StorageProvider provider, bool pipelined)
    {
        var correlation = RelaySettings.NewCorrelationId();
        await using var subscriber = await EventSubscriber.StartAsync(correlation, RelaySettings.RefundOfferedExchange);
        var settings = RelaySettings.For(pipelined: pipelined);
        settings["Hub:Messaging:PipelineWindow"] = "4";
        settings["Hub:Messaging:BatchSize"] = "7";
        settings["Hub:Messaging:MaxRoundsInFlight"] = "4";
        settings["Hub:Messaging:MaxConcurrentSubjects"] = "4";
        settings["Hub:Messaging:Enabled"] = "false";
        var events = OutboxEvents.Interleaved(correlation, subjects: 5, perSubject: 40);
        // Filled with the relay off, so the relay finds every row waiting and runs its rounds side by side.
        var filling = await TestHub.StartAsync(provider, settings);
        await OutboxEvents.WriteAsync(filling, events, perTransaction: 50);
        await filling.StopKeepingDatabaseAsync();
        settings["Hub:Messaging:Enabled"] = "true";
        await using var hub = await TestHub.StartAsync(filling.Database, settings);

        var deliveries = await subscriber.WaitUntilAsync(d => d.Count >= events.Count, TimeSpan.FromSeconds(90));
        await WaitUntilSentAsync(hub, correlation);
        Assert.Equal(events.Select(e => e.EventId).Order(), deliveries.Select(d => d.EventId).Order());
        AssertSubjectOrder(deliveries);
        Assert.Equal(0, await hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM outbox_messages WHERE correlation_id = '{correlation}' AND (sent_at_unix_ms IS NULL OR last_error IS NOT NULL)"));
    }

    /// <summary>For each subject, the first delivery of each event comes in the order the events were written.</summary>
    internal static void AssertSubjectOrder(IReadOnlyList<EventDelivery> deliveries)
    {
        var seen = new HashSet<Guid>();
        foreach (var subject in deliveries.Where(d => seen.Add(d.EventId)).GroupBy(d => d.SubjectKey))
        {
            var order = subject.Select(d => d.DecisionId).ToList();
            Assert.Equal(order.Order(), order);
        }
    }

    internal static async Task WaitUntilSentAsync(TestHub hub, string correlation)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await OutboxEvents.UnsentAsync(hub, correlation) > 0)
        {
            await Task.Delay(50, cts.Token);
        }
    }
}

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.Server.Tests.Reconciliation;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Replicas;

/// <summary>
/// Two hub processes on one PostgreSQL database and one RabbitMQ broker on loopback (issue 6, item 4): one is killed in
/// the middle of a run, the other finishes the work — no unit decided twice, no event lost; and two relays draining one
/// outbox deliver every event once, in each subject's order.
/// </summary>
[Collection("rabbitmq")]
[Trait("storage", "postgres")]
public sealed class ReplicaBrokerTests
{
    private const int Units = 3000;

    [Fact]
    public async Task TwoReplicas_OneKilledInTheMiddleOfARun_NoDuplicateDecisionAndNoLostEvent()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var relay = RelaySettings.For().SelectMany(s => new[] { "--" + s.Key, s.Value! }).ToArray();
        await using var subscriber = await EventSubscriber.StartAsync(null, EventDeliveryTests.AllEvents);
        var first = await HubProcess.StartAsync(database, relay);
        await using var second = await HubProcess.StartAsync(database, relay);
        using (var tax = EventDeliveryTests.Channel(first, TestHub.TaxToken))
        using (var market = EventDeliveryTests.Channel(first, TestHub.MarketToken))
        {
            await EventDeliveryTests.SeedAsync(tax, market, Units, arrearsUnit: 7, deferredUnit: 9);
        }
        var runIds = new List<string>();
        var killedAt = 0;
        RpcException? refusedOnSecond = null;
        using (var operatorChannel = EventDeliveryTests.Channel(first, TestHub.OperatorToken))
        using (var secondOperator = EventDeliveryTests.Channel(second, TestHub.OperatorToken))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => EventDeliveryTests.RunAsync(operatorChannel, runIds: runIds, onProgress: async done =>
            {
                if (done > 0 && killedAt == 0)
                {
                    // While the first replica runs, the second refuses a run of its own.
                    refusedOnSecond = await Assert.ThrowsAsync<RpcException>(() => EventDeliveryTests.RunAsync(secondOperator));
                    killedAt = done;
                    first.Kill();
                }
            }));
        }
        await first.DisposeAsync();
        Assert.InRange(killedAt, 1, Units - 1);
        Assert.Equal((StatusCode.FailedPrecondition, "RUN_IN_PROGRESS"), ErrorDetails.Of(refusedOnSecond!));

        using (var operatorChannel = EventDeliveryTests.Channel(second, TestHub.OperatorToken))
        {
            var rerun = await EventDeliveryTests.RunAsync(operatorChannel, runIds: runIds);
            Assert.Equal(Units, rerun.Units);
            Assert.True(rerun.Unchanged >= killedAt, $"the chunks committed before the kill stand ({rerun.Unchanged} unchanged, killed after {killedAt})");
        }

        Assert.Equal(Units, await database.ScalarAsync("SELECT COUNT(*) FROM refund_decisions"));
        Assert.Equal(Units, await database.ScalarAsync("SELECT COUNT(DISTINCT uscc) FROM refund_decisions"));
        Assert.Equal(Units, await database.ScalarAsync("SELECT COUNT(*) FROM refund_cases"));
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM reconciliation_runs WHERE status = 'FAILED'"));
        Assert.Equal(Units, await database.ScalarAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type NOT IN ('urn:message:exchangehub.v1:ReconciliationCompleted', 'urn:message:exchangehub.v1:AuditCheckpointSigned')"));
        bool Ours(EventDelivery d) => runIds.Contains(d.CorrelationId) && d.DecisionId > 0;
        var deliveries = await subscriber.WaitUntilAsync(d => d.Where(Ours).Select(x => x.EventId).Distinct().Count() >= Units,
            TimeSpan.FromSeconds(120));
        Assert.Equal(Units, deliveries.Where(Ours).Select(d => d.EventId).Distinct().Count());
        Assert.Equal(Units, deliveries.Where(Ours).Select(d => d.SubjectKey).Distinct().Count());
        Assert.All(deliveries, d => Assert.Equal(d.EventId, d.MessageId));
        await WaitUntilAsync(async () => await database.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at_unix_ms IS NULL") == 0);
    }

    [Fact]
    public async Task TwoReplicas_RelayingOneOutbox_EveryEventOnceInEachSubjectsOrder()
    {
        var correlation = RelaySettings.NewCorrelationId();
        await using var subscriber = await EventSubscriber.StartAsync(correlation, RelaySettings.RefundOfferedExchange);
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var writer = await TestHub.StartAsync(database, RelaySettings.For(), ownsDatabase: false);
        await using var other = await HubProcess.StartAsync(database, RelaySettings.For().SelectMany(s => new[] { "--" + s.Key, s.Value! }).ToArray());
        var events = OutboxEvents.Interleaved(correlation, subjects: 12, perSubject: 60);

        await OutboxEvents.WriteAsync(writer, events, perTransaction: 40);

        var deliveries = await subscriber.WaitUntilAsync(d => d.Count >= events.Count, TimeSpan.FromSeconds(90));
        await OutboxRelayTests.WaitUntilSentAsync(writer, correlation);
        // Both relays claimed rows (SKIP LOCKED): no row was published by both, so nothing arrives twice.
        Assert.Equal(events.Count, deliveries.Count);
        Assert.Equal(events.Select(e => e.EventId).Order(), deliveries.Select(d => d.EventId).Order());
        OutboxRelayTests.AssertSubjectOrder(deliveries);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(100, cts.Token);
        }
    }
}

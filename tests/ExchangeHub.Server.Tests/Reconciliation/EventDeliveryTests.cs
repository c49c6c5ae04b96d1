using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.V1;
using Grpc.Net.Client;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>
/// Decisions reach a real RabbitMQ subscriber: exactly the expected events for a seeded data set, every event when
/// the broker stops in the middle of a run, and every event when the hub process is killed in the middle of a run
/// (a repeated delivery carries the same message id).
/// </summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
public sealed class EventDeliveryTests
{
    /// <summary>MassTransit binds every event's exchange to the exchanges of its base types: this one gets them all.</summary>
    internal const string AllEvents = "exchangehub.v1.events";

    [Fact]
    public async Task Run_SeededUnits_SubscriberReceivesExactlyTheExpectedEvents()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        await using var subscriber = await EventSubscriber.StartAsync(null, AllEvents);
        await SeedAsync(hub.Channel(TestHub.TaxToken), hub.Channel(TestHub.MarketToken), 3, arrearsUnit: 2, deferredUnit: 3);

        var run = await RunAsync(hub.Channel(TestHub.OperatorToken));

        var deliveries = await subscriber.WaitUntilAsync(d => d.Where(x => x.CorrelationId == run.RunId).Select(x => x.EventId).Distinct().Count() >= 4,
            TimeSpan.FromSeconds(60));
        await Task.Delay(500); // nothing more may come
        deliveries = subscriber.Deliveries.Where(x => x.CorrelationId == run.RunId).ToList();
        Assert.All(deliveries, d => Assert.Equal(d.EventId, d.MessageId));
        var types = deliveries.DistinctBy(d => d.EventId).ToDictionary(d => d.SubjectKey, d => Short(d));
        Assert.Equal(new Dictionary<string, string>
        {
            [Ids.Uscc(1)] = "RefundOffered",
            [Ids.Uscc(2)] = "RefundIneligible",
            [Ids.Uscc(3)] = "RefundHeldForDeferral",
            [run.RunId] = "ReconciliationCompleted",
        }, types);
    }

    [Fact]
    public async Task Run_BrokerStoppedInTheMiddle_EveryEventArrivesOnceRestarted()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        await using var subscriber = await EventSubscriber.StartAsync(null, AllEvents);
        await SeedAsync(hub.Channel(TestHub.TaxToken), hub.Channel(TestHub.MarketToken), 1500, arrearsUnit: 7, deferredUnit: 9);
        try
        {
            await RunAsync(hub.Channel(TestHub.OperatorToken), onProgress: async done =>
            {
                if (done > 0 && done < 1500)
                {
                    await RabbitBroker.StopAsync();
                }
            });
        }
        finally
        {
            await RabbitBroker.StartAsync();
        }
        await subscriber.ConnectAsync();

        var expected = (await HubQueries.EventsAsync(hub)).Select(e => e.Payload.GetProperty("eventId").GetGuid()).ToHashSet();
        Assert.Equal(1501, expected.Count); // one decision event per unit and the completion
        var deliveries = await subscriber.WaitUntilAsync(d => expected.IsSubsetOf(d.Select(x => x.EventId)), TimeSpan.FromSeconds(120));
        Assert.All(deliveries, d => Assert.Equal(d.EventId, d.MessageId));
    }

    [Fact]
    public async Task Run_HubProcessKilledInTheMiddle_EveryEventArrivesAndNoUnitIsDecidedTwice()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var relay = RelaySettings.For().SelectMany(s => new[] { "--" + s.Key, s.Value! }).ToArray();
        await using var subscriber = await EventSubscriber.StartAsync(null, AllEvents);
        var first = await HubProcess.StartAsync(database, relay);
        using (var channel = Channel(first, TestHub.TaxToken))
        using (var market = Channel(first, TestHub.MarketToken))
        {
            await SeedAsync(channel, market, 3000, arrearsUnit: 7, deferredUnit: 9);
        }
        var killedAt = 0;
        var runIds = new List<string>();
        using (var operatorChannel = Channel(first, TestHub.OperatorToken))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(operatorChannel, runIds: runIds, onProgress: done =>
            {
                if (done > 0 && killedAt == 0)
                {
                    killedAt = done;
                    first.Kill();
                }
                return Task.CompletedTask;
            }));
        }
        await first.DisposeAsync();
        Assert.InRange(killedAt, 1, 2999);

        await using var second = await HubProcess.StartAsync(database, relay);
        using (var operatorChannel = Channel(second, TestHub.OperatorToken))
        {
            var rerun = await RunAsync(operatorChannel, runIds: runIds);
            Assert.Equal(3000, rerun.Units);
            Assert.True(rerun.Unchanged >= killedAt, $"the chunks committed before the kill stand ({rerun.Unchanged} unchanged, killed after {killedAt})");
        }

        var decisions = await database.ScalarAsync("SELECT COUNT(*) FROM refund_decisions");
        Assert.True(decisions == 3000, $"{decisions} decisions for 3000 units; superseded: {await SupersededAsync(database)}");
        Assert.Equal(3000, await database.ScalarAsync("SELECT COUNT(DISTINCT uscc) FROM refund_decisions"));
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM reconciliation_runs WHERE status = 'FAILED'"));
        var decisionEvents = await database.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE message_type NOT IN ('urn:message:exchangehub.v1:ReconciliationCompleted', 'urn:message:exchangehub.v1:AuditCheckpointSigned')");
        Assert.Equal(3000, decisionEvents);
        // Only this test's runs: other hubs on the machine may publish to the same exchanges meanwhile.
        bool Ours(EventDelivery d) => runIds.Contains(d.CorrelationId) && d.DecisionId > 0;
        var deliveries = await subscriber.WaitUntilAsync(d => d.Where(Ours).Select(x => x.EventId).Distinct().Count() >= 3000,
            TimeSpan.FromSeconds(120));
        Assert.Equal(2, runIds.Count);
        Assert.All(deliveries, d => Assert.Equal(d.EventId, d.MessageId));
        Assert.Equal(3000, deliveries.Where(Ours).Select(d => d.SubjectKey).Distinct().Count());
        Assert.Equal(3000, deliveries.Where(Ours).Select(d => d.EventId).Distinct().Count());
    }

    private static async Task<string> SupersededAsync(TestDatabase database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT uscc, outcome, supersede_reason, run_id FROM refund_decisions WHERE supersedes_id IS NOT NULL LIMIT 3";
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<string>();
        while (await reader.ReadAsync())
        {
            found.Add($"{reader.GetString(0)} {reader.GetString(1)} ({reader.GetString(2)}) run {reader.GetString(3)}");
        }
        return string.Join("; ", found);
    }

    internal static GrpcChannel Channel(HubProcess hub, string token) => GrpcChannel.ForAddress(hub.Address, new GrpcChannelOptions
    {
        Credentials = Grpc.Core.ChannelCredentials.Create(Grpc.Core.ChannelCredentials.Insecure,
            Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + token);
                return Task.CompletedTask;
            })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    private static string Short(EventDelivery d) => d.MessageTypes[0].Split(':')[^1];

    /// <summary>Units 1..n with one insured person each, all months of 2023 paid and settled (one in arrears, one deferred).</summary>
    internal static async Task SeedAsync(GrpcChannel tax, GrpcChannel market, int units, int arrearsUnit, int deferredUnit)
    {
        var p = "e" + Guid.NewGuid().ToString("N")[..6];
        var unitRecords = Enumerable.Range(1, units).Select(u => SeedData.Unit(u, p)).ToList();
        var lines = Enumerable.Range(1, units).SelectMany(u => Enumerable.Range(1, 12).Select(m =>
        {
            var line = Records.Line($"{p}-{u}-{m}", u, u, $"2023-{m:D2}");
            line.ReceivedDate = m == 12 ? "2024-01-15" : $"2023-{m + 1:D2}-15";
            return line;
        }));
        var settlements = Enumerable.Range(1, units).SelectMany(u => SeedData.YearOfSettlements(u, p, m =>
            u == arrearsUnit && m == 4 ? SettlementStatus.Arrears
            : u == deferredUnit && m == 10 ? SettlementStatus.Deferred
            : SettlementStatus.Settled));
        foreach (var batch in unitRecords.Chunk(5000))
        {
            Assert.Equal(0, (await Infrastructure.Feeds.PushUnitsAsync(market, batch)).Rejected);
        }
        await SeedData.PushAsync(tax, market, [], lines, settlements);
    }

    internal static async Task<ReconciliationRun> RunAsync(GrpcChannel channel, Func<int, Task>? onProgress = null, List<string>? runIds = null,
        Grpc.Core.Metadata? headers = null)
    {
        var client = new ReconciliationService.ReconciliationServiceClient(channel);
        using var call = client.RunReconciliation(new RunReconciliationRequest { DecisionDate = "2024-06-30" }, headers, DateTime.UtcNow.AddMinutes(3));
        ReconciliationRun? run = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            run = call.ResponseStream.Current.Run ?? run;
            var runId = call.ResponseStream.Current.Progress?.RunId ?? run?.RunId;
            if (runIds is not null && runId is not null && !runIds.Contains(runId))
            {
                runIds.Add(runId);
            }
            if (onProgress is not null && call.ResponseStream.Current.Progress is { } progress)
            {
                await onProgress(progress.Done);
            }
        }
        return run ?? throw new InvalidOperationException("the run ended without its summary");
    }
}

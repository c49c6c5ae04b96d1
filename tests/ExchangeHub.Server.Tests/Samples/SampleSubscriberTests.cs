using System.Diagnostics;
using System.Text.Json;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Samples;

/// <summary>
/// samples/ExchangeHub.SampleSubscriber, run as its own process against the real broker, receives what an in-process
/// hub publishes: one log line per event of a reconciliation run, read from a quorum queue, and a repeated delivery
/// (same EventId/MessageId, as after a lost publisher confirm) skipped.
/// </summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
public sealed class SampleSubscriberTests
{
    [Fact]
    public async Task Subscriber_ReconciliationRun_LogsEveryEventOnceFromAQuorumQueue()
    {
        await using var subscriber = await SubscriberProcess.StartAsync();
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        await SeedAsync(hub.Channel(TestHub.TaxToken), hub.Channel(TestHub.MarketToken));

        var runId = await RunAsync(hub.Channel(TestHub.OperatorToken));

        var ours = await subscriber.WaitForLinesAsync(l => l.Count(x => x.Contains("correlation=" + runId, StringComparison.Ordinal)) >= 4,
            TimeSpan.FromSeconds(60));
        await Task.Delay(500); // nothing more may come
        ours = [.. subscriber.Lines.Where(x => x.Contains("correlation=" + runId, StringComparison.Ordinal))];
        Assert.Equal(4, ours.Count);
        Assert.Single(ours, x => x.Contains($"event RefundOffered ", StringComparison.Ordinal) && x.Contains($"subject={Ids.Uscc(1)} ", StringComparison.Ordinal));
        Assert.Single(ours, x => x.Contains($"event RefundIneligible ", StringComparison.Ordinal) && x.Contains($"subject={Ids.Uscc(2)} ", StringComparison.Ordinal)
            && x.Contains("REFUND_ARREARS", StringComparison.Ordinal));
        Assert.Single(ours, x => x.Contains($"event RefundHeldForDeferral ", StringComparison.Ordinal) && x.Contains($"subject={Ids.Uscc(3)} ", StringComparison.Ordinal));
        Assert.Single(ours, x => x.Contains($"event ReconciliationCompleted ", StringComparison.Ordinal) && x.Contains($"subject={runId} ", StringComparison.Ordinal)
            && x.Contains("units=3", StringComparison.Ordinal));

        Assert.Equal("quorum", await QueueTypeAsync(subscriber.Queue));
        Assert.Equal(0, await subscriber.ProbeAsync());
    }

    [Fact]
    public async Task Subscriber_SameEventPublishedTwice_LogsItOnceAndSkipsTheRepeat()
    {
        await using var subscriber = await SubscriberProcess.StartAsync();
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        var offer = OutboxEvents.Offer(Ids.Uscc(1), RelaySettings.NewCorrelationId(), order: 1);
        var row = new PendingMessage(1, offer.EventId, EventTypes.NameOf(offer.GetType()), offer.SubjectKey,
            JsonSerializer.Serialize(offer, EventTypes.Json));
        var publisher = hub.Services.GetRequiredService<OutboxPublisher>();

        // The relay publishes a row again when the broker's confirm was lost: same MessageId, same body.
        await publisher.PublishAsync(row, CancellationToken.None);
        await publisher.PublishAsync(row, CancellationToken.None);

        var id = offer.EventId.ToString();
        await subscriber.WaitForLinesAsync(l => l.Any(x => x.Contains("duplicate RefundOffered " + id, StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        Assert.Single(subscriber.Lines, x => x.Contains("event RefundOffered " + id, StringComparison.Ordinal)
            && x.Contains("amount=1001 fen", StringComparison.Ordinal));
        Assert.Single(subscriber.Lines, x => x.Contains("duplicate RefundOffered " + id, StringComparison.Ordinal));
    }

    /// <summary>Units 1–3 with one insured person paying every month of 2023: 1 eligible, 2 in arrears (April), 3 deferred (October).</summary>
    private static async Task SeedAsync(GrpcChannel tax, GrpcChannel market)
    {
        var p = "sample" + Guid.NewGuid().ToString("N")[..6];
        int[] units = [1, 2, 3];
        var lines = units.SelectMany(u => Enumerable.Range(1, 12).Select(m =>
        {
            var line = Records.Line($"{p}-{u}-{m}", u, u, $"2023-{m:D2}");
            line.ReceivedDate = m == 12 ? "2024-01-15" : $"2023-{m + 1:D2}-15";
            return line;
        }));
        var settlements = units.SelectMany(u => SeedData.YearOfSettlements(u, p, m =>
            u == 2 && m == 4 ? SettlementStatus.Arrears
            : u == 3 && m == 10 ? SettlementStatus.Deferred
            : SettlementStatus.Settled));
        await SeedData.PushAsync(tax, market, units.Select(u => SeedData.Unit(u, p)), lines, settlements);
    }

    private static async Task<string> RunAsync(GrpcChannel channel)
    {
        var client = new ReconciliationService.ReconciliationServiceClient(channel);
        using var call = client.RunReconciliation(new RunReconciliationRequest { DecisionDate = "2024-06-30" }, deadline: DateTime.UtcNow.AddMinutes(2));
        var runId = "";
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            runId = call.ResponseStream.Current.Progress?.RunId ?? call.ResponseStream.Current.Run.RunId;
        }
        return runId;
    }

    /// <summary>The queue's type as the broker reports it (<c>rabbitmqctl list_queues name type</c>).</summary>
    private static async Task<string> QueueTypeAsync(string queue)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", "list_queues", "name", "type"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("cannot run rabbitmqctl");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var row = output.Split('\n').Select(l => l.Split('\t')).SingleOrDefault(c => c.Length == 2 && c[0] == queue)
            ?? throw new InvalidOperationException($"queue {queue} not listed:\n{output}");
        return row[1].Trim();
    }
}

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Refunds;

/// <summary>
/// 2.(1) "Decision (settlement)" with the broker: a refund approved in 2024, the OFFICIAL size class arriving in 2025,
/// a settlement-only run — a real RabbitMQ subscriber receives the confirmation, the approval and exactly one
/// <c>RefundAdjusted</c> for the unit, each once by its event id.
/// </summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
[Trait("clause", "2.(1)")]
public sealed class RefundSettlementDeliveryTests() : SeededRefundHub(StorageProvider.Sqlite)
{
    private const string AllEvents = "exchangehub.v1.events";

    protected override Dictionary<string, string?> Settings => RelaySettings.For();

    [Fact]
    public async Task OfficialClassIn2025_SettlementRun_SubscriberReceivesOneRefundAdjusted()
    {
        await using var subscriber = await EventSubscriber.StartAsync(null, AllEvents);
        await RunAsync();
        await ConfirmAsync(Eligible, "2024-06-30");
        Today("2025-01-02");
        var unit = SeedData.Unit(Eligible, P, u => { u.Revision = 2; u.SizeClass = SizeClass.Large; u.SizeClassSource = SizeClassSource.Official; });
        Assert.Equal(0, (await Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(TestHub.MarketToken), [unit])).Rejected);

        var run = await RunAsync("2025-01-02");

        Assert.Equal((2024, 1), (run.ProgramYear, run.Decided));
        var uscc = Ids.Uscc(Eligible);
        bool Mine(EventDelivery d) => d.SubjectKey == uscc;
        string Type(EventDelivery d) => d.MessageTypes[0].Split(':')[^1];
        // The relay waits between rounds and retries on the hub's clock, which is this test's fake one: move it along.
        IReadOnlyList<EventDelivery>? deliveries = null;
        for (var i = 0; i < 90 && deliveries is null; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(2));
            try
            {
                deliveries = await subscriber.WaitUntilAsync(d => d.Where(Mine).Any(x => Type(x) == "RefundAdjusted"), TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
                // not yet
            }
        }
        Assert.NotNull(deliveries);
        var mine = deliveries.Where(Mine).DistinctBy(d => d.EventId).ToList();
        Assert.Equal(["RefundAdjusted", "RefundConfirmed", "RefundDisbursementApproved", "RefundOffered"], mine.Select(Type).Order(StringComparer.Ordinal));
        Assert.Equal(run.RunId, Assert.Single(mine, d => Type(d) == "RefundAdjusted").CorrelationId);
    }
}

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>The background deadline check (Hub:Transfers) announces a transfer-out not acted on by its due date once, on its interval.</summary>
[Trait("storage", "sqlite")]
[Trait("clause", "2.(4)")]
public sealed class TransferDeadlineServiceTests
{
    [Fact]
    public async Task DeadlineService_Enabled_AnnouncesAMissedDeadlineOnceAcrossIntervals()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false",
            ["Hub:Refunds:SendReminders"] = "false",
            ["Hub:Benefits:SendOverdueNotices"] = "false",
            ["Hub:Transfers:SendDeadlineNotices"] = "true",
            ["Hub:Transfers:DeadlineCheckInterval"] = "00:00:01",
            ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024, // 2024 deadlines counted (TestPolicies)
        }, clock);
        var requested = (await new TransferService.TransferServiceClient(hub.Channel(TestHub.OperatorToken)).RequestTransferOutAsync(
            new RequestTransferOutRequest
            {
                ResidentId = Ids.ResidentId(5), CounterpartProvinceCode = "32", ConsolidationPlace = ConsolidationPlace.HouseholdRegistration,
                MonthlyBenefitFen = 180_000, MonthsDue = 3, RequestedDate = "2024-09-27",
            })).Transfer;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<HubQueries.OutboxEvent> missed = [];
        while (missed.Count == 0 && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
            missed = (await HubQueries.EventsAsync(hub)).Where(e => e.Type == "TransferDeadlineMissed").ToList();
        }
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        var e = Assert.Single(await HubQueries.EventsAsync(hub), x => x.Type == "TransferDeadlineMissed");
        Assert.Equal(requested.TransferId, e.Payload.GetProperty("transferId").GetString());
    }

    [Fact]
    public async Task DeadlineService_IntervalLongerThanADay_HubDoesNotStart()
    {
        var ex = await Record.ExceptionAsync(async () =>
        {
            await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
            {
                ["Hub:Messaging:Enabled"] = "false",
                ["Hub:Refunds:SendReminders"] = "false",
                ["Hub:Transfers:DeadlineCheckInterval"] = "2.00:00:00",
            }, new FakeTimeProvider(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero)));
        });

        Assert.Contains("Hub:Transfers:DeadlineCheckInterval", ex?.ToString() ?? "", StringComparison.Ordinal);
    }
}

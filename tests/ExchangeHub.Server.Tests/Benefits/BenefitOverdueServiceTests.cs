using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Benefits;

/// <summary>The background overdue check (Hub:Benefits) announces a claim not decided by its due date once, on its interval.</summary>
[Trait("storage", "sqlite")]
[Trait("clause", "2.(3)")]
public sealed class BenefitOverdueServiceTests
{
    [Fact]
    public async Task OverdueService_Enabled_AnnouncesAnOverdueClaimOnceAcrossIntervals()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false",
            ["Hub:Refunds:SendReminders"] = "false",
            ["Hub:Benefits:SendOverdueNotices"] = "true",
            ["Hub:Benefits:OverdueCheckInterval"] = "00:00:01",
            ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024, // 2024 deadlines counted (TestPolicies)
        }, clock);
        var submitted = await new BenefitClaimService.BenefitClaimServiceClient(hub.Channel(TestHub.OperatorToken)).SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(5), AppliedDate = "2024-09-27", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.Sms },
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<HubQueries.OutboxEvent> overdue = [];
        while (overdue.Count == 0 && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
            overdue = (await HubQueries.EventsAsync(hub)).Where(e => e.Type == "BenefitClaimOverdue").ToList();
        }
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        var e = Assert.Single(await HubQueries.EventsAsync(hub), x => x.Type == "BenefitClaimOverdue");
        Assert.Equal(submitted.ClaimId, e.Payload.GetProperty("claimId").GetString());
    }

    [Fact]
    public async Task OverdueService_IntervalLongerThanADay_HubDoesNotStart()
    {
        var ex = await Record.ExceptionAsync(async () =>
        {
            await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
            {
                ["Hub:Messaging:Enabled"] = "false",
                ["Hub:Refunds:SendReminders"] = "false",
                ["Hub:Benefits:OverdueCheckInterval"] = "2.00:00:00",
            }, new FakeTimeProvider(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero)));
        });

        Assert.Contains("Hub:Benefits:OverdueCheckInterval", ex?.ToString() ?? "", StringComparison.Ordinal);
    }
}

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Benefits;

/// <summary>A benefit grant and its recalculation after a transfer-in reach a real RabbitMQ subscriber, the person named by key.</summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
[Trait("clause", "2.(4)")]
public sealed class BenefitEventDeliveryTests
{
    private const string AllEvents = "exchangehub.v1.events";

    [Fact]
    public async Task InsuredMonthsSurfaceAfterTheGrant_SubscriberReceivesGrantRecalculationAndNotices()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        await using var subscriber = await EventSubscriber.StartAsync(null, AllEvents);
        // 50 months in the XPCC (2019-01..2023-02): 12 months of benefit.
        var lines = Enumerable.Range(0, 50).Select(i => new DateOnly(2019, 1, 1).AddMonths(i))
            .Select(m => Records.Line($"benefit-line-{m:yyyyMM}", unit: 1, person: 31, period: $"{m:yyyy-MM}"));
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), lines)).Rejected);
        var client = new BenefitClaimService.BenefitClaimServiceClient(hub.Channel(TestHub.OperatorToken));
        var submitted = await client.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(31), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.Wechat },
        });
        var granted = (await client.DecideClaimAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" })).Claim;
        // 15 earlier months reported late (2017-01..2018-03): 65 months, 18 months of benefit. (A transfer in adds its months
        // only once COMPLETED, 1.(4) Decision, and its completion recalculates by itself: TransferEventDeliveryTests.)
        var earlier = Enumerable.Range(0, 15).Select(i => new DateOnly(2017, 1, 1).AddMonths(i))
            .Select(m => Records.Line($"benefit-line-{m:yyyyMM}", unit: 1, person: 31, period: $"{m:yyyy-MM}"));
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), earlier)).Rejected);

        var recalculation = await client.RecalculateBenefitsAsync(new RecalculateBenefitsRequest());

        Assert.Equal(1, recalculation.Recalculated);
        var key = hub.Services.GetRequiredService<PersonKey>().Of(Ids.ResidentId(31));
        var claim = (await client.GetClaimAsync(new GetClaimRequest { ClaimId = submitted.ClaimId })).Claims[0];
        var decisions = claim.Decisions.Select(d => d.DecisionId).ToHashSet();
        Assert.Equal(18, claim.Decisions[0].MaxMonths);
        bool Mine(EventDelivery d) => d.SubjectKey == key && decisions.Contains(d.DecisionId)
            && (d.CorrelationId == recalculation.CorrelationId || d.DecisionId == granted.Decisions[0].DecisionId);
        var deliveries = await subscriber.WaitUntilAsync(d => d.Where(Mine).Select(x => x.EventId).Distinct().Count() >= 4, TimeSpan.FromSeconds(60));
        var mine = deliveries.Where(Mine).DistinctBy(d => d.EventId).ToList();
        Assert.All(mine, d => Assert.Equal(d.EventId, d.MessageId));
        Assert.Equal(
            ["BenefitGranted", "BenefitPeriodRecalculated", "NotificationRequested", "NotificationRequested"],
            mine.Select(d => d.MessageTypes[0].Split(':')[^1]).Order(StringComparer.Ordinal).ToList());
    }
}

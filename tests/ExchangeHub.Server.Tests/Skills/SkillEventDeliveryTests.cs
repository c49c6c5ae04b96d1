using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Skills;

/// <summary>Skill-subsidy decisions and a clawback reach a real RabbitMQ subscriber, persons named by their key.</summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
[Trait("clause", "1.(3)")]
public sealed class SkillEventDeliveryTests
{
    private const string AllEvents = "exchangehub.v1.events";

    /// <summary>
    /// 1.(3) SKILL_NO_DOUBLE Decision: the grant, then a training subsidy paid after it, recovered from the unit by the
    /// next call (a training subsidy already paid refuses the grant instead, so grant and clawback come from two calls).
    /// </summary>
    [Fact]
    public async Task DecideSkillSubsidies_GrantThenALaterTrainingSubsidy_SubscriberReceivesGrantAndClawback()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        await using var subscriber = await EventSubscriber.StartAsync(null, AllEvents);
        var lines = Enumerable.Range(1, 12).Select(m => Records.Line($"skill-line-{m}", unit: 1, person: 30, period: $"2023-{m:D2}"));
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), lines)).Rejected);
        var skill = hub.Channel(TestHub.SkillToken);
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(skill, [Records.Certificate("deliver", person: 30)])).Rejected);
        var client = new SkillSubsidyService.SkillSubsidyServiceClient(hub.Channel(TestHub.OperatorToken));
        var grant = await client.DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = "2024-11-20" }, deadline: DateTime.UtcNow.AddMinutes(2));
        Assert.Equal(0, (await Infrastructure.Feeds.PushTrainingPaymentsAsync(skill,
            [Records.TrainingPayment("deliver-pay", "C-deliver", unit: 7, paid: "2024-11-25")])).Rejected);

        var clawback = await client.DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = "2024-11-30" }, deadline: DateTime.UtcNow.AddMinutes(2));

        string[] calls = [grant.CorrelationId, clawback.CorrelationId];
        var deliveries = await subscriber.WaitUntilAsync(
            d => d.Where(x => calls.Contains(x.CorrelationId)).Select(x => x.EventId).Distinct().Count() >= 2, TimeSpan.FromSeconds(60));
        var mine = deliveries.Where(x => calls.Contains(x.CorrelationId)).DistinctBy(d => d.EventId).ToList();
        Assert.All(mine, d => Assert.Equal(d.EventId, d.MessageId));
        var key = hub.Services.GetRequiredService<PersonKey>().Of(Ids.ResidentId(30));
        Assert.Equal(
            [("SkillSubsidyGranted", key, grant.CorrelationId), ("SubsidyClawback", Ids.Uscc(7), clawback.CorrelationId)],
            mine.Select(d => (d.MessageTypes[0].Split(':')[^1], d.SubjectKey, d.CorrelationId)).Order().ToList());
    }
}

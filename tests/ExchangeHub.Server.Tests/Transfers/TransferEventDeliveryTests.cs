using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>
/// A transfer-in accepted and completed through gRPC lengthens a running benefit from 12 to 18 months; every event
/// reaches a real RabbitMQ subscriber, the person named by key.
/// </summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
[Trait("clause", "2.(4)")]
public sealed class TransferEventDeliveryTests
{
    private const string AllEvents = "exchangehub.v1.events";

    [Fact]
    public async Task TransferInCompleted_SubscriberReceivesTransferEventsAndTheRecalculation()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        await using var subscriber = await EventSubscriber.StartAsync(null, AllEvents);
        // 50 months in the XPCC (2019-01..2023-02): 12 months of benefit.
        var lines = Enumerable.Range(0, 50).Select(i => new DateOnly(2019, 1, 1).AddMonths(i))
            .Select(m => Records.Line($"transfer-line-{m:yyyyMM}", unit: 1, person: 57, period: $"{m:yyyy-MM}"));
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), lines)).Rejected);
        var claims = new BenefitClaimService.BenefitClaimServiceClient(hub.Channel(TestHub.OperatorToken));
        var submitted = await claims.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(57), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.Sms },
        });
        await claims.DecideClaimAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });
        // 15 months transferred in from Jiangsu (2017-01..2018-03): 65 months, 18 months of benefit.
        var request = Records.Transfer("delivery-t-57", person: 57);
        request.InsuredPeriods.Clear();
        request.InsuredPeriods.Add(new MonthRange { FromPeriod = "2017-01", ToPeriod = "2018-03" });
        request.BenefitMonthsPaid = 0; // months paid elsewhere would be deducted (1.(4) Decision): not this test's subject
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(hub.Channel(TestHub.TransferToken), [request])).Rejected);
        await new TransferService.TransferServiceClient(hub.Channel(TestHub.OperatorToken))
            .AcceptTransferAsync(new AcceptTransferRequest { TransferId = "delivery-t-57" });

        using (var call = new TransferService.TransferServiceClient(hub.Channel(TestHub.TransferToken)).UpdateTransferStatus())
        {
            await call.RequestStream.WriteAsync(new UpdateTransferStatusRequest
            {
                TransferId = "delivery-t-57", Status = TransferStatus.Completed, StatusDate = "2024-11-06",
            });
            await call.RequestStream.CompleteAsync();
            Assert.Equal(1, (await call.ResponseAsync).Updated);
        }

        Assert.Equal(18, (await claims.GetClaimAsync(new GetClaimRequest { ClaimId = submitted.ClaimId })).Claims[0].Decisions[0].MaxMonths);
        var key = hub.Services.GetRequiredService<PersonKey>().Of(Ids.ResidentId(57));
        var stored = (await HubQueries.EventsAsync(hub)).Where(e => e.Subject == key)
            .Select(e => Guid.Parse(e.Payload.GetProperty("eventId").GetString()!)).ToHashSet();
        Assert.Equal(6, stored.Count);
        var deliveries = await subscriber.WaitUntilAsync(d => d.Where(x => stored.Contains(x.EventId)).Select(x => x.EventId).Distinct().Count() >= 6,
            TimeSpan.FromSeconds(60));
        var mine = deliveries.Where(d => stored.Contains(d.EventId)).DistinctBy(d => d.EventId).ToList();
        Assert.All(mine, d => Assert.Equal((d.EventId, key), (d.MessageId, d.SubjectKey)));
        Assert.Equal(
            ["BenefitGranted", "BenefitPeriodRecalculated", "NotificationRequested", "NotificationRequested", "TransferAccepted", "TransferStatusChanged"],
            mine.Select(d => d.MessageTypes[0].Split(':')[^1]).Order(StringComparer.Ordinal).ToList());
    }
}

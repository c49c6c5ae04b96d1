using System.Collections.Concurrent;
using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Refunds;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using MassTransit;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>
/// A subscriber written with MassTransit reads the relay's envelope: the event, its MessageId, its base types — as the
/// direct publish (<c>Hub:Messaging:DirectPublish</c>) writes it; MassTransit's own publish is what every other relay test uses.
/// </summary>
[Collection("rabbitmq")]
public sealed class OutboxMassTransitConsumerTests
{
    [Fact]
    public async Task Relay_MassTransitSubscriber_ReceivesEventsWithTheirMessageIdAndFields()
    {
        var correlation = RelaySettings.NewCorrelationId();
        var received = new ConcurrentQueue<(Guid? MessageId, RefundOffered Offer)>();
        var viaBaseType = new ConcurrentQueue<Guid>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(EventSubscriber.BrokerUri);
            rabbit.ReceiveEndpoint("exchangehub-test-mt-" + correlation, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<RefundOffered>(context =>
                {
                    if (context.Message.CorrelationId == correlation)
                    {
                        received.Enqueue((context.MessageId, context.Message));
                    }
                    return Task.CompletedTask;
                });
                endpoint.Handler<IHubEvent>(context =>
                {
                    if (context.Message.CorrelationId == correlation)
                    {
                        viaBaseType.Enqueue(context.Message.EventId);
                    }
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        try
        {
            // The direct publish (every other relay test uses the default, MassTransit's own publish).
            var settings = RelaySettings.For();
            settings["Hub:Messaging:DirectPublish"] = "true";
            await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, settings);
            var events = OutboxEvents.Interleaved(correlation, subjects: 3, perSubject: 2);

            await OutboxEvents.WriteAsync(hub, events);

            await OutboxBrokerRestartTests.WaitForAsync(() => Task.FromResult(received.Count >= events.Count && viaBaseType.Count >= events.Count));
            foreach (var expected in events.Cast<RefundOffered>())
            {
                var (messageId, offer) = Assert.Single(received, r => r.Offer.EventId == expected.EventId);
                Assert.Equal(expected.EventId, messageId);
                Assert.Equal((expected.SubjectKey, expected.DecisionId, expected.AmountFen, expected.Rate, expected.OccurredAt),
                    (offer.SubjectKey, offer.DecisionId, offer.AmountFen, offer.Rate, offer.OccurredAt));
                Assert.Equal(expected.Explanation.Single().ReasonCode, Assert.Single(offer.Explanation).ReasonCode);
            }
            Assert.Equal(events.Select(e => e.EventId).Order(), viaBaseType.Order());
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>
/// The relay when the broker goes away: the hub starts and takes feeds without it, events wait, and every event goes
/// out (same MessageId on a redelivery, each subject in order) once it is back. These tests stop the shared broker,
/// so they run alone (collection "rabbitmq") and always start it again.
/// </summary>
[Collection("rabbitmq")]
public sealed class OutboxBrokerRestartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Relay_BrokerDownAtStart_HubTakesFeedsAndEventsGoOutWhenBrokerIsBack(bool pipelined)
    {
        var correlation = RelaySettings.NewCorrelationId();
        await using var subscriber = await EventSubscriber.StartAsync(correlation, RelaySettings.RefundOfferedExchange);
        var events = OutboxEvents.Interleaved(correlation, subjects: 5, perSubject: 10);
        var brokerUp = true;
        try
        {
            await RabbitBroker.StopAsync();
            brokerUp = false;
            await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For(publishTimeout: "00:00:01", pipelined: pipelined));

            var line = "outbox-" + Guid.NewGuid().ToString("N")[..10];
            var summary = await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), [Records.Line(line)]);
            Assert.Equal(1, summary.Accepted);
            await OutboxEvents.WriteAsync(hub, events);

            await WaitForAsync(async () => await hub.Database.ScalarAsync(
                $"SELECT COUNT(*) FROM outbox_messages WHERE correlation_id = '{correlation}' AND attempts > 0 AND last_error IS NOT NULL") > 0);
            Assert.Equal(events.Count, await OutboxEvents.UnsentAsync(hub, correlation));
            await WaitForAsync(async () => (await OutboxHealthAsync(hub)) == HealthStatus.Degraded);
            var health = await new Health.HealthClient(hub.Channel(null)).CheckAsync(new HealthCheckRequest(), deadline: Infrastructure.Feeds.Deadline());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

            await RabbitBroker.StartAsync();
            brokerUp = true;
            await subscriber.ConnectAsync();

            var deliveries = await subscriber.WaitUntilAsync(
                d => d.Select(x => x.EventId).Distinct().Count() == events.Count, TimeSpan.FromSeconds(60));
            await OutboxRelayTests.WaitUntilSentAsync(hub, correlation);
            Assert.Equal(events.Select(e => e.EventId).Order(), deliveries.Select(d => d.EventId).Distinct().Order());
            Assert.All(deliveries, d => Assert.Equal(d.EventId, d.MessageId));
            OutboxRelayTests.AssertSubjectOrder(deliveries);
            await WaitForAsync(async () => (await OutboxHealthAsync(hub)) == HealthStatus.Healthy);
        }
        finally
        {
            if (!brokerUp)
            {
                await RabbitBroker.StartAsync();
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Relay_BrokerRestartedWhileRelayingLargeBatch_EveryEventArrivesInSubjectOrder(bool pipelined)
    {
        var correlation = RelaySettings.NewCorrelationId();
        await using var subscriber = await EventSubscriber.StartAsync(correlation, RelaySettings.RefundOfferedExchange);
        var settings = RelaySettings.For(publishTimeout: "00:00:02", pipelined: pipelined);
        // One subject (or two publishes) at once, so the 6,000 events are still going out when the broker stops: with
        // 3,000 events and two subjects at once, a clean-clone CI run saw the rounds relay finish before stop_app took effect.
        settings["Hub:Messaging:MaxConcurrentSubjects"] = "1";
        settings["Hub:Messaging:PipelineWindow"] = "2";
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, settings);
        var events = OutboxEvents.Interleaved(correlation, subjects: 100, perSubject: 60);
        var brokerUp = true;
        try
        {
            await OutboxEvents.WriteAsync(hub, events, perTransaction: 1000);
            await WaitForAsync(async () => await OutboxEvents.UnsentAsync(hub, correlation) < events.Count);
            await RabbitBroker.StopAsync();
            brokerUp = false;
            var unsentWhileDown = await OutboxEvents.UnsentAsync(hub, correlation);
            Assert.True(unsentWhileDown > 0, "the relay finished before the broker stopped: the test did not test a restart");
            await WaitForAsync(async () => await hub.Database.ScalarAsync(
                $"SELECT COUNT(*) FROM outbox_messages WHERE correlation_id = '{correlation}' AND attempts > 0") > 0);

            await RabbitBroker.StartAsync();
            brokerUp = true;
            await subscriber.ConnectAsync();

            var deliveries = await subscriber.WaitUntilAsync(
                d => d.Select(x => x.EventId).Distinct().Count() == events.Count, TimeSpan.FromSeconds(60));
            await OutboxRelayTests.WaitUntilSentAsync(hub, correlation);
            Assert.Equal(events.Select(e => e.EventId).Order(), deliveries.Select(d => d.EventId).Distinct().Order());
            Assert.All(deliveries, d => Assert.Equal(d.EventId, d.MessageId));
            OutboxRelayTests.AssertSubjectOrder(deliveries);
        }
        finally
        {
            if (!brokerUp)
            {
                await RabbitBroker.StartAsync();
            }
        }
    }

    internal static async Task<HealthStatus> OutboxHealthAsync(TestHub hub)
    {
        var report = await hub.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "outbox");
        return report.Entries["outbox"].Status;
    }

    internal static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}

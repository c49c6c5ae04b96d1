using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>Publishing fails (nothing listens where the broker should be): rows stay unsent, every attempt is recorded.</summary>
public sealed class OutboxUnreachableBrokerTests
{
    [Fact]
    public async Task Relay_PublishFails_RowsNeverMarkedSentAndAttemptsRecorded()
    {
        var correlation = RelaySettings.NewCorrelationId();
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite,
            RelaySettings.For(new Uri("amqp://guest:guest@127.0.0.1:1/"), publishTimeout: "00:00:00.500"));
        var events = OutboxEvents.Interleaved(correlation, subjects: 3, perSubject: 2);

        await OutboxEvents.WriteAsync(hub, events);

        // Two failed rounds: the relay backed off and retried from the oldest unsent row.
        await OutboxBrokerRestartTests.WaitForAsync(async () => await hub.Database.ScalarAsync(
            $"SELECT MAX(attempts) FROM outbox_messages WHERE correlation_id = '{correlation}'") >= 2);
        Assert.Equal(events.Count, await OutboxEvents.UnsentAsync(hub, correlation));
        Assert.Equal(0, await hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM outbox_messages WHERE correlation_id = '{correlation}' AND attempts > 0 AND (last_error IS NULL OR last_error = '')"));
        await OutboxBrokerRestartTests.WaitForAsync(async () =>
            await OutboxBrokerRestartTests.OutboxHealthAsync(hub) == HealthStatus.Degraded);
    }

    [Fact]
    public async Task Relay_Disabled_EventsStayInTheOutbox()
    {
        var correlation = RelaySettings.NewCorrelationId();
        var settings = RelaySettings.For(new Uri("amqp://guest:guest@127.0.0.1:1/"));
        settings["Hub:Messaging:Enabled"] = "false";
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, settings);

        await OutboxEvents.WriteAsync(hub, OutboxEvents.Interleaved(correlation, subjects: 2, perSubject: 2));

        Assert.Equal(4, await OutboxEvents.UnsentAsync(hub, correlation));
        Assert.Equal(0, await hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM outbox_messages WHERE correlation_id = '{correlation}' AND attempts > 0"));
        Assert.Equal(HealthStatus.Healthy, await OutboxBrokerRestartTests.OutboxHealthAsync(hub));
    }
}

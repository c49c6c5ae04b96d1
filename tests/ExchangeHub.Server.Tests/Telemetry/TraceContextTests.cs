using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.Server.Tests.Reconciliation;
using Grpc.Core;
using Microsoft.Data.Sqlite;

namespace ExchangeHub.Server.Tests.Telemetry;

/// <summary>
/// One trace from the operator's call through the run to the broker: the caller's W3C <c>traceparent</c> reaches every
/// outbox row the run writes (<c>trace_parent</c>), and each published event's <c>traceparent</c> header continues the
/// stored row's trace.
/// </summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
public sealed class TraceContextTests
{
    [Fact]
    public async Task Run_CallerTraceParent_StoredInItsOutboxRowsAndCarriedByThePublishedHeaders()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        await using var subscriber = await EventSubscriber.StartAsync(null, EventDeliveryTests.AllEvents);
        await EventDeliveryTests.SeedAsync(hub.Channel(TestHub.TaxToken), hub.Channel(TestHub.MarketToken), 3, arrearsUnit: 2, deferredUnit: 3);
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var callerSpan = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()));

        var run = await EventDeliveryTests.RunAsync(hub.Channel(TestHub.OperatorToken),
            headers: new Metadata { { "traceparent", $"00-{traceId}-{callerSpan}-01" } });
        var runId = run.RunId;

        var stored = await StoredTraceParentsAsync(hub.Database, runId);
        Assert.Equal(4, stored.Count); // three decisions and the completion
        Assert.All(stored.Values, t => Assert.Matches($"^00-{traceId}-[0-9a-f]{{16}}-01$", t));
        Assert.All(stored.Values, t => Assert.DoesNotContain(callerSpan, t, StringComparison.Ordinal)); // the run's own spans

        var deliveries = await subscriber.WaitUntilAsync(
            d => stored.Keys.All(id => d.Any(x => x.MessageId == id)), TimeSpan.FromSeconds(60));
        foreach (var (messageId, traceParent) in stored)
        {
            var header = deliveries.First(d => d.MessageId == messageId).TraceParent;
            Assert.NotNull(header);
            // The publish span: the stored trace, a span of its own (a child of the stored one).
            Assert.Matches($"^00-{traceId}-[0-9a-f]{{16}}-01$", header);
            Assert.NotEqual(traceParent, header);
        }
    }

    [Fact]
    public async Task Relay_RowWithoutTraceParent_PublishedWithANewTrace()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, RelaySettings.For());
        await using var subscriber = await EventSubscriber.StartAsync(null, EventDeliveryTests.AllEvents);
        // A row from before the column existed: copy a published row's event under a new id, trace_parent left NULL.
        var eventId = Guid.NewGuid();
        await hub.Database.ExecuteAsync(
            "INSERT INTO outbox_messages (message_id, message_type, subject_key, correlation_id, payload, created_at_unix_ms, attempts) "
            + $"VALUES ('{eventId:D}', 'urn:message:exchangehub.v1:ReconciliationCompleted', 'trace-{eventId:N}', 'trace-test', "
            + $"'{Payload(eventId)}', 0, 0)");

        var deliveries = await subscriber.WaitUntilAsync(d => d.Any(x => x.MessageId == eventId), TimeSpan.FromSeconds(60));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", deliveries.First(d => d.MessageId == eventId).TraceParent);
    }

    private static string Payload(Guid eventId) =>
        $$"""{"eventId":"{{eventId:D}}","occurredAt":"2024-06-30T00:00:00Z","policyId":"p","policyVersion":"v","subjectKey":"trace-{{eventId:N}}","correlationId":"trace-test","programYear":2023,"units":0,"decided":0,"unchanged":0,"outcomes":{},"exceptions":{},"offeredAmountFen":0,"heldAmountFen":0,"awaitingApplicationAmountFen":0}""";

    private static async Task<Dictionary<Guid, string>> StoredTraceParentsAsync(TestDatabase database, string runId)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id, trace_parent FROM outbox_messages WHERE correlation_id = $run";
        command.Parameters.AddWithValue("$run", runId);
        var rows = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[Guid.Parse(reader.GetString(0))] = reader.IsDBNull(1) ? "(null)" : reader.GetString(1);
        }
        return rows;
    }
}

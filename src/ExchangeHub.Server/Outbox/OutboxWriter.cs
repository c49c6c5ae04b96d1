using System.Text.Json;
using ExchangeHub.Contracts;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Puts events into <c>outbox_messages</c> inside the caller's open transaction, so a decision and its events commit
/// (or roll back) together. The relay publishes them later; nothing here talks to the broker.
/// </summary>
public sealed class OutboxWriter(TimeProvider clock)
{
    private const string InsertSql =
        "INSERT INTO outbox_messages (message_id, message_type, subject_key, correlation_id, payload, created_at_unix_ms, attempts, trace_parent) "
        + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, 0, @p6)";

    public async Task EnqueueAsync(WriterLease lease, HubEvent message, CancellationToken ct)
    {
        if (lease.Transaction is null)
        {
            throw new InvalidOperationException("Outbox rows are written inside the transaction of the state change they report.");
        }
        // Nothing reads an outbox row back in its transaction: on PostgreSQL it goes with the next batch of writes.
        await lease.ExecuteDeferredAsync(InsertSql,
        [
            message.EventId.ToString("D"), EventTypes.NameOf(message.GetType()), message.SubjectKey, message.CorrelationId,
            JsonSerializer.Serialize(message, message.GetType(), EventTypes.Json), clock.GetUtcNow().ToUnixTimeMilliseconds(),
            // The activity that caused the event (a feed call, a run's chunk): the relay's publish continues its trace.
            Telemetry.HubTelemetry.CurrentTraceParent(),
        ], ct);
    }
}

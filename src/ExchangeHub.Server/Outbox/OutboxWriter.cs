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
        "INSERT INTO outbox_messages (message_id, message_type, subject_key, correlation_id, payload, created_at_unix_ms, attempts) "
        + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, 0)";

    public async Task EnqueueAsync(WriterLease lease, HubEvent message, CancellationToken ct)
    {
        if (lease.Transaction is null)
        {
            throw new InvalidOperationException("Outbox rows are written inside the transaction of the state change they report.");
        }
        var insert = lease.Command(InsertSql, 6);
        var p = insert.Parameters;
        p[0].Value = message.EventId.ToString("D");
        p[1].Value = EventTypes.NameOf(message.GetType());
        p[2].Value = message.SubjectKey;
        p[3].Value = message.CorrelationId;
        p[4].Value = JsonSerializer.Serialize(message, message.GetType(), EventTypes.Json);
        p[5].Value = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await insert.ExecuteNonQueryAsync(ct);
    }
}

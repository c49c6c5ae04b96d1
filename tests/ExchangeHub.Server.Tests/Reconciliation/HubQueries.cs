using System.Text.Json;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>Reads what the hub stored, for assertions.</summary>
public static class HubQueries
{
    public sealed record OutboxEvent(long Sequence, string Type, string Subject, string CorrelationId, JsonElement Payload);

    /// <summary>Every event in the outbox (sent or not) but the audit log's checkpoints (issue 15), in sequence order; Type is the short type name.</summary>
    public static async Task<List<OutboxEvent>> EventsAsync(TestHub hub)
    {
        await using var connection = await hub.Services.GetRequiredService<HubDatabase>().OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, message_type, subject_key, correlation_id, payload FROM outbox_messages WHERE message_type <> 'urn:message:exchangehub.v1:AuditCheckpointSigned' ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<OutboxEvent>();
        while (await reader.ReadAsync())
        {
            using var doc = JsonDocument.Parse(reader.GetString(4));
            list.Add(new OutboxEvent(reader.GetInt64(0), reader.GetString(1).Split('.', ':')[^1], reader.GetString(2), reader.GetString(3), doc.RootElement.Clone()));
        }
        return list;
    }

    public static async Task<List<(string Code, string Subject, string Period)>> ExceptionsAsync(TestHub hub, string runId)
    {
        await using var connection = await hub.Services.GetRequiredService<HubDatabase>().OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT code, subject_key, period FROM reconciliation_exceptions WHERE run_id = '{runId}' ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return list;
    }
}

using System.Data.Common;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// The relay's reads and writes of <c>outbox_messages</c>: the oldest unsent rows, and one short transaction per round
/// that marks the confirmed rows sent and records failed attempts. Rows are never deleted.
/// </summary>
public sealed class OutboxStore(HubDatabase database, TimeProvider clock)
{
    private const string UnsentSql =
        "SELECT sequence, message_id, message_type, subject_key, payload FROM outbox_messages "
        + "WHERE sent_at_unix_ms IS NULL ORDER BY sequence LIMIT @p0";

    private const string MarkSentSql = "UPDATE outbox_messages SET sent_at_unix_ms = @p0 WHERE sequence = @p1 AND sent_at_unix_ms IS NULL";

    private const string RecordFailureSql =
        "UPDATE outbox_messages SET attempts = attempts + 1, last_error = @p0 WHERE sequence = @p1";

    private const string OldestUnsentSql = "SELECT MIN(created_at_unix_ms) FROM outbox_messages WHERE sent_at_unix_ms IS NULL";

    private const int MaxErrorLength = 2000;

    /// <summary>Up to <paramref name="limit"/> unsent rows in sequence order, oldest first.</summary>
    public async Task<IReadOnlyList<PendingMessage>> ReadUnsentAsync(int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = UnsentSql;
        AddParameter(command, "@p0", limit);
        var rows = new List<PendingMessage>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new PendingMessage(
                reader.GetInt64(0),
                Guid.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4)));
        }
        return rows;
    }

    /// <summary>
    /// Marks <paramref name="confirmed"/> sent (now) and counts an attempt with its error on each of
    /// <paramref name="failures"/>, in one transaction.
    /// </summary>
    public async Task RecordAsync(IReadOnlyCollection<long> confirmed, IReadOnlyCollection<PublishFailure> failures, CancellationToken ct)
    {
        if (confirmed.Count == 0 && failures.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        var mark = lease.Command(MarkSentSql, 2);
        mark.Parameters[0].Value = now;
        foreach (var sequence in confirmed)
        {
            mark.Parameters[1].Value = sequence;
            await mark.ExecuteNonQueryAsync(ct);
        }
        if (failures.Count > 0)
        {
            var fail = lease.Command(RecordFailureSql, 2);
            foreach (var failure in failures)
            {
                fail.Parameters[0].Value = failure.Error.Length > MaxErrorLength ? failure.Error[..MaxErrorLength] : failure.Error;
                fail.Parameters[1].Value = failure.Sequence;
                await fail.ExecuteNonQueryAsync(ct);
            }
        }
        await lease.CommitAsync(ct);
    }

    /// <summary>When the oldest unsent row was written, or null when every row is sent.</summary>
    public async Task<DateTimeOffset?> OldestUnsentAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = OldestUnsentSql;
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull
            ? null
            : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

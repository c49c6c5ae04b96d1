using System.Data.Common;
using ExchangeHub.AuditLog;

namespace ExchangeHub.Cli.Outbox;

/// <summary>
/// The operator's actions on parked outbox rows, straight on the hub's database like <c>audit verify</c> (no admin rpc
/// in the frozen contract, and it works while the hub is down). Each change commits in one transaction with its audit
/// entry, so the chain records exactly what was done. The running relay sees the change at its next poll.
/// </summary>
public sealed class OutboxAdmin(AuditDatabase database, TimeProvider clock)
{
    private const string ParkedSql =
        "SELECT sequence, subject_key, message_type, attempts, last_error, parked_at_unix_ms FROM outbox_messages "
        + "WHERE sent_at_unix_ms IS NULL AND parked_at_unix_ms IS NOT NULL AND released_at_unix_ms IS NULL";

    /// <summary>Every parked row, oldest first.</summary>
    public async Task<IReadOnlyList<ParkedEvent>> ParkedAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct, readOnly: true);
        await using var command = connection.CreateCommand();
        command.CommandText = ParkedSql + " ORDER BY sequence";
        return await ReadAsync(command, ct);
    }

    /// <summary>Un-parks row <paramref name="id"/> with its attempts reset: the relay tries it again, its subject follows.</summary>
    public Task<ParkedEvent?> RetryAsync(long id, string actor, CancellationToken ct) =>
        ActAsync(id, actor, "retry", RetrySql, ct);

    private const string RetrySql = "UPDATE outbox_messages SET parked_at_unix_ms = NULL, attempts = 0 WHERE sequence = @id";

    /// <summary>
    /// Un-parks every parked row at once (after a long broker outage parked many), attempts reset, in one transaction
    /// with one audit entry per row — the same entry a single retry writes. Returns the rows, oldest first (none: nothing changed).
    /// </summary>
    public async Task<IReadOnlyList<ParkedEvent>> RetryAllAsync(string actor, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        IReadOnlyList<ParkedEvent> parked;
        await using (var select = Command(connection, transaction, ParkedSql + " ORDER BY sequence", 0, 0))
        {
            parked = await ReadAsync(select, ct);
        }
        var now = clock.GetUtcNow();
        foreach (var row in parked)
        {
            await UpdateAndAuditAsync(connection, transaction, row, actor, "retry", RetrySql, now, ct);
        }
        await transaction.CommitAsync(ct);
        return parked;
    }

    /// <summary>Gives row <paramref name="id"/> up: it is never published and its subject's next rows go on.</summary>
    public Task<ParkedEvent?> ReleaseAsync(long id, string actor, CancellationToken ct) =>
        ActAsync(id, actor, "release", "UPDATE outbox_messages SET released_at_unix_ms = @now WHERE sequence = @id", ct);

    /// <summary>Applies <paramref name="updateSql"/> to a parked row and appends its audit entry; null when no such parked row.</summary>
    private async Task<ParkedEvent?> ActAsync(long id, string actor, string action, string updateSql, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // SQLite: BEGIN IMMEDIATE (the default of Microsoft.Data.Sqlite), so the audit head cannot move under us.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        ParkedEvent? parked;
        await using (var select = Command(connection, transaction, ParkedSql + " AND sequence = @id", id, 0))
        {
            parked = (await ReadAsync(select, ct)).SingleOrDefault();
        }
        if (parked is null)
        {
            return null;
        }
        await UpdateAndAuditAsync(connection, transaction, parked, actor, action, updateSql, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return parked;
    }

    /// <summary>One row's change and its audit entry, in the caller's transaction.</summary>
    private async Task UpdateAndAuditAsync(DbConnection connection, DbTransaction transaction, ParkedEvent parked, string actor, string action,
        string updateSql, DateTimeOffset now, CancellationToken ct)
    {
        await using (var update = Command(connection, transaction, updateSql, parked.Id, now.ToUnixTimeMilliseconds()))
        {
            await update.ExecuteNonQueryAsync(ct);
        }
        await AuditLogWriter.AppendAsync(connection, transaction, database.Provider, new AuditEntry
        {
            AgencyId = actor,
            Method = $"exchangehub outbox {action}",
            Outcome = "OK",
            Detail = $"outbox row {parked.Id} ({parked.Type}, subject {parked.Subject}, {parked.Attempts} attempts): {action}; last error: {parked.Error}",
        }, now, ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, long id, long now)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (sql.Contains("@id", StringComparison.Ordinal))
        {
            Add(command, "@id", id);
        }
        if (sql.Contains("@now", StringComparison.Ordinal))
        {
            Add(command, "@now", now);
        }
        return command;
    }

    private static void Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<IReadOnlyList<ParkedEvent>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<ParkedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ParkedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? "" : reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }
        return rows;
    }
}

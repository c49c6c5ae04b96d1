using System.Data.Common;
using System.Globalization;

namespace ExchangeHub.AuditLog;

/// <summary>
/// Appends an entry to the chain inside the caller's open transaction, so the entry and the change it records commit
/// together (the operator's <c>exchangehub outbox retry|release</c>), and the hub's AuditTrail appends through it too,
/// so an entry's chain hash, salt and Merkle leaf are made in one place. Appends are serialised: SQLite's single writer
/// (the caller's transaction must be <c>BEGIN IMMEDIATE</c>), PostgreSQL's transaction-scoped advisory lock
/// <see cref="PostgresAdvisoryLockKey"/>.
/// </summary>
public static class AuditLogWriter
{
    /// <summary>The advisory lock every appender takes on PostgreSQL ("ExHuAudt").</summary>
    public const long PostgresAdvisoryLockKey = 0x45784875_41756474;

    /// <summary>
    /// Appends <paramref name="draft"/> (its sequence, time, previous hash, hash, salt and leaf filled in here) and
    /// returns the stored entry. Does not commit.
    /// </summary>
    public static Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider,
        AuditEntry draft, DateTimeOffset now, CancellationToken ct) =>
        AppendAsync((sql, parameters) => Command(connection, transaction, sql, parameters), provider, draft, now, ct);

    /// <summary>
    /// The one append of the chain and the Merkle log, for the CLI and the hub alike: <paramref name="command"/> gives a
    /// command for (sql, parameter count) in the caller's open transaction with parameters @p0…, so the hub passes its
    /// writer's prepared commands. The entry's leaf is computed here and nowhere else.
    /// </summary>
    public static async Task<AuditEntry> AppendAsync(Func<string, int, DbCommand> command, DatabaseProvider provider,
        AuditEntry draft, DateTimeOffset now, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await command($"SELECT pg_advisory_xact_lock({PostgresAdvisoryLockKey})", 0).ExecuteNonQueryAsync(ct);
        }
        long previousSequence = 0;
        var previousHash = AuditChain.Genesis;
        await using (var reader = await command($"SELECT sequence, hash FROM {AuditLogTable.Name} ORDER BY sequence DESC LIMIT 1", 0).ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                previousSequence = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }
        }
        var entry = draft with
        {
            Sequence = previousSequence + 1,
            OccurredAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Detail = draft.Detail.Length <= 500 ? draft.Detail : draft.Detail[..500],
            PreviousHash = previousHash,
        };
        entry = AuditLeaf.Seal(entry with { Hash = AuditChain.HashOf(entry) });
        var insert = command(AuditLogTable.InsertSql, AuditLogTable.ColumnCount);
        var values = AuditLogTable.Values(entry);
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i];
        }
        await insert.ExecuteNonQueryAsync(ct);
        return entry;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

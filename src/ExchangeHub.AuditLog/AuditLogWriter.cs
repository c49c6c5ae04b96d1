using System.Data.Common;
using System.Globalization;

namespace ExchangeHub.AuditLog;

/// <summary>
/// Appends an entry to the chain inside the caller's open transaction, so the entry and the change it records commit
/// together (the operator's <c>exchangehub outbox retry|release</c>). The hub's own calls go through its AuditTrail,
/// which serialises appends the same way: SQLite's single writer (the caller's transaction must be <c>BEGIN
/// IMMEDIATE</c>), PostgreSQL's transaction-scoped advisory lock <see cref="PostgresAdvisoryLockKey"/>.
/// </summary>
public static class AuditLogWriter
{
    /// <summary>The advisory lock every appender takes on PostgreSQL ("ExHuAudt").</summary>
    public const long PostgresAdvisoryLockKey = 0x45784875_41756474;

    private const string InsertSql =
        $"INSERT INTO {AuditLogTable.Name} ({AuditLogTable.Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)";

    /// <summary>
    /// Appends <paramref name="draft"/> (its sequence, time, previous hash and hash filled in here) and returns the stored
    /// entry. Does not commit.
    /// </summary>
    public static async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider,
        AuditEntry draft, DateTimeOffset now, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await using var lockCommand = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresAdvisoryLockKey})");
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        long previousSequence = 0;
        var previousHash = AuditChain.Genesis;
        await using (var head = Command(connection, transaction, $"SELECT sequence, hash FROM {AuditLogTable.Name} ORDER BY sequence DESC LIMIT 1"))
        await using (var reader = await head.ExecuteReaderAsync(ct))
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
        entry = entry with { Hash = AuditChain.HashOf(entry) };
        await using var insert = Command(connection, transaction, InsertSql);
        var values = AuditLogTable.Values(entry);
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i];
            insert.Parameters.Add(parameter);
        }
        await insert.ExecuteNonQueryAsync(ct);
        return entry;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

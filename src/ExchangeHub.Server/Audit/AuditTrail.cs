using System.Data.Common;
using System.Globalization;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using Grpc.Core;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// Appends calls to the hash-chained audit trail and verifies it. Appends are serialised: on SQLite by the single
/// writer, on PostgreSQL by a transaction-scoped advisory lock, so several hub processes extend one chain.
/// </summary>
public sealed class AuditTrail(HubDatabase database, TimeProvider clock)
{
    private const long PostgresAdvisoryLockKey = 0x45784875_41756474; // "ExHuAudt"

    private const string InsertSql =
        "INSERT INTO audit_log (sequence, occurred_at, agency_id, method, outcome, detail, batches, accepted, duplicate, "
        + "corrected, rejected, payload_sha256, previous_hash, hash) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)";

    private const string SelectColumns =
        "sequence, occurred_at, agency_id, method, outcome, detail, batches, accepted, duplicate, corrected, rejected, payload_sha256, previous_hash, hash";

    public async Task<long> AppendAsync(ExchangeCall call, StatusCode outcome, string detail, string payloadSha256, CancellationToken ct)
    {
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        if (lease.Provider == StorageProvider.Postgres)
        {
            var lockCommand = lease.Command($"SELECT pg_advisory_xact_lock({PostgresAdvisoryLockKey})", 0);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        var head = lease.Command("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1", 0);
        long previousSequence = 0;
        var previousHash = AuditChain.Genesis;
        await using (var reader = await head.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                previousSequence = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }
        }

        var row = new AuditEntryRow
        {
            Sequence = previousSequence + 1,
            OccurredAt = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            AgencyId = call.Agency.Id,
            Method = call.Method,
            Outcome = outcome.ToString(),
            Detail = detail.Length <= 500 ? detail : detail[..500],
            Batches = call.Batches,
            Accepted = call.Accepted,
            Duplicate = call.Duplicate,
            Corrected = call.Corrected,
            Rejected = call.Rejected,
            PayloadSha256 = payloadSha256,
            PreviousHash = previousHash,
        };
        row.Hash = AuditChain.HashOf(row);

        var insert = lease.Command(InsertSql, 14);
        object[] values =
        [
            row.Sequence, row.OccurredAt, row.AgencyId, row.Method, row.Outcome, row.Detail, row.Batches, row.Accepted,
            row.Duplicate, row.Corrected, row.Rejected, row.PayloadSha256, row.PreviousHash, row.Hash,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i];
        }
        await insert.ExecuteNonQueryAsync(ct);
        await lease.CommitAsync(ct);
        return row.Sequence;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SelectColumns} FROM audit_log ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var broken = AuditChain.FirstBreak(ReadAll(reader), out var count, out var head);
        return new AuditVerification(count, head, broken);
    }

    private static IEnumerable<AuditEntryRow> ReadAll(DbDataReader reader)
    {
        while (reader.Read())
        {
            yield return new AuditEntryRow
            {
                Sequence = reader.GetInt64(0),
                OccurredAt = reader.GetString(1),
                AgencyId = reader.GetString(2),
                Method = reader.GetString(3),
                Outcome = reader.GetString(4),
                Detail = reader.GetString(5),
                Batches = reader.GetInt64(6),
                Accepted = reader.GetInt64(7),
                Duplicate = reader.GetInt64(8),
                Corrected = reader.GetInt64(9),
                Rejected = reader.GetInt64(10),
                PayloadSha256 = reader.GetString(11),
                PreviousHash = reader.GetString(12),
                Hash = reader.GetString(13),
            };
        }
    }
}

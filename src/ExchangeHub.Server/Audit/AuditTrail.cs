using System.Globalization;
using ExchangeHub.AuditLog;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using Grpc.Core;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// Appends calls to the hash-chained audit trail and verifies it, with the chain of the audit library
/// (<see cref="AuditChain"/>, the one the CLI verifies with). Appends are serialised: on SQLite by the single
/// writer, on PostgreSQL by a transaction-scoped advisory lock, so several hub processes extend one chain.
/// </summary>
public sealed class AuditTrail(HubDatabase database, TimeProvider clock)
{
    private const long PostgresAdvisoryLockKey = 0x45784875_41756474; // "ExHuAudt"

    private const string InsertSql =
        $"INSERT INTO {AuditLogTable.Name} ({AuditLogTable.Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)";

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

        var entry = new AuditEntry
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
        entry = entry with { Hash = AuditChain.HashOf(entry) };

        var insert = lease.Command(InsertSql, 14);
        var values = AuditLogTable.Values(entry);
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i];
        }
        await insert.ExecuteNonQueryAsync(ct);
        await lease.CommitAsync(ct);
        return entry.Sequence;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        return await AuditLogVerifier.VerifyAsync(connection, ct);
    }
}

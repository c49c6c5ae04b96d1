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
    private const long PostgresAdvisoryLockKey = AuditLogWriter.PostgresAdvisoryLockKey;

    private const string InsertSql =
        $"INSERT INTO {AuditLogTable.Name} ({AuditLogTable.Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)";

    /// <summary>Outcome of the entry that opens a streaming call (<see cref="OpenAsync"/>).</summary>
    public const string Started = "STARTED";

    /// <summary>
    /// Opens a streaming call in the chain before any of its records is stored: an entry with outcome
    /// <see cref="Started"/>, no counts and no payload hash. The call's closing entry (<see cref="AppendAsync"/>, its
    /// outcome, counts and payload hash) names it in its detail ("opened #N"). A hub killed in between leaves the opening
    /// entry alone: the stored records of that call still have their call's entry, and the chain still verifies.
    /// </summary>
    public Task<AuditEntry> OpenAsync(ExchangeCall call, CancellationToken ct) => AppendAsync(call, Started, "", "", counted: false, ct);

    /// <summary>Appends the entry closing a call (its outcome, counts and payload hash); returns it with its sequence and hash.</summary>
    public Task<AuditEntry> AppendAsync(ExchangeCall call, StatusCode outcome, string detail, string payloadSha256, CancellationToken ct) =>
        AppendAsync(call, outcome.ToString(), detail, payloadSha256, counted: true, ct);

    private async Task<AuditEntry> AppendAsync(ExchangeCall call, string outcome, string detail, string payloadSha256, bool counted, CancellationToken ct)
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
            Outcome = outcome,
            Detail = detail.Length <= 500 ? detail : detail[..500],
            Batches = counted ? call.Batches : 0,
            Accepted = counted ? call.Accepted : 0,
            Duplicate = counted ? call.Duplicate : 0,
            Corrected = counted ? call.Corrected : 0,
            Rejected = counted ? call.Rejected : 0,
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
        return entry;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        return await AuditLogVerifier.VerifyAsync(connection, ct);
    }
}

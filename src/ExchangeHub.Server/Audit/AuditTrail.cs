using ExchangeHub.AuditLog;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using Grpc.Core;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// Appends calls to the hash-chained audit trail and its Merkle log and verifies them, with the audit library's one
/// append (<see cref="AuditLogWriter"/>, the CLI's too) and verifier. Appends are serialised: on SQLite by the single
/// writer, on PostgreSQL by a transaction-scoped advisory lock, so several hub processes extend one chain and one tree.
/// </summary>
public sealed class AuditTrail(HubDatabase database, TimeProvider clock)
{
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
        var draft = new AuditEntry
        {
            AgencyId = call.Agency.Id,
            Method = call.Method,
            Outcome = outcome,
            Detail = detail,
            Batches = counted ? call.Batches : 0,
            Accepted = counted ? call.Accepted : 0,
            Duplicate = counted ? call.Duplicate : 0,
            Corrected = counted ? call.Corrected : 0,
            Rejected = counted ? call.Rejected : 0,
            PayloadSha256 = payloadSha256,
        };
        // The CLI's append, with this writer's prepared commands: the chain hash, salt and leaf are made in one place.
        var provider = lease.Provider == StorageProvider.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var entry = await AuditLogWriter.AppendAsync(lease.Command, provider, draft, clock.GetUtcNow(), ct);
        await lease.CommitAsync(ct);
        return entry;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        return await AuditLogVerifier.VerifyAsync(connection, ct);
    }
}

using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Feeds;

/// <summary>
/// Writes one batch of validated records in one transaction, applying the identity rules of every feed:
/// new (agency, source record id) → stored; same revision and content → duplicate, nothing changes; same revision,
/// other content → REVISION_CONFLICT; higher revision → corrected, the stored version moves to
/// <c>record_versions</c>; lower revision → STALE_REVISION. New records cost one prepared INSERT each on SQLite
/// (<see cref="SqliteRawInsert"/>) and one binary COPY per batch on PostgreSQL (<see cref="PostgresCopyInsert"/>);
/// only conflicts read the stored version.
/// </summary>
public sealed class FeedRecordWriter(HubDatabase database)
{
    public async Task<BatchOutcome> WriteAsync(FeedTable table, string agencyId, IReadOnlyList<PendingRecord> records,
        long nowUnixMs, CancellationToken ct)
    {
        var outcome = new BatchOutcome();
        if (records.Count == 0)
        {
            return outcome;
        }

        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        if (lease.Provider == StorageProvider.Sqlite)
        {
            await WriteRowByRowAsync(lease, table, agencyId, records, nowUnixMs, outcome, ct);
        }
        else
        {
            await WriteByCopyAsync(lease, table, agencyId, records, nowUnixMs, outcome, ct);
        }
        await lease.CommitAsync(ct);
        return outcome;
    }

    /// <summary>SQLite: one prepared INSERT per record (<see cref="SqliteRawInsert"/>); a conflict resolves at once.</summary>
    private static async Task WriteRowByRowAsync(WriterLease lease, FeedTable table, string agencyId,
        IReadOnlyList<PendingRecord> records, long nowUnixMs, BatchOutcome outcome, CancellationToken ct)
    {
        var parameters = new object?[table.Columns.Count + 4];
        parameters[0] = agencyId;
        parameters[3] = nowUnixMs;
        var rawInsert = lease.RawInsert(table.InsertSql);
        foreach (var record in records)
        {
            parameters[1] = record.SourceRecordId;
            parameters[2] = record.Revision;
            record.Values.CopyTo(parameters, 4);
            if (rawInsert.Execute(parameters) == 1)
            {
                outcome.Accepted++;
            }
            else
            {
                await ResolveConflictAsync(lease, table, agencyId, record, nowUnixMs, outcome, ct);
            }
        }
    }

    /// <summary>
    /// PostgreSQL: the first record of each source id goes in by binary COPY (<see cref="PostgresCopyInsert"/>);
    /// then, in batch order, every record that was not inserted — stored before, or a repeat of a source id earlier
    /// in the batch — is resolved against the stored version, exactly as row by row: a repeat meets the record
    /// stored (or corrected) by the ones before it.
    /// </summary>
    private static async Task WriteByCopyAsync(WriterLease lease, FeedTable table, string agencyId,
        IReadOnlyList<PendingRecord> records, long nowUnixMs, BatchOutcome outcome, CancellationToken ct)
    {
        var seen = new HashSet<string>(records.Count, StringComparer.Ordinal);
        var firstOfItsId = new bool[records.Count];
        var firsts = new List<PendingRecord>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            firstOfItsId[i] = seen.Add(records[i].SourceRecordId);
            if (firstOfItsId[i])
            {
                firsts.Add(records[i]);
            }
        }

        var inserted = await table.CopyInsert.InsertAsync((Npgsql.NpgsqlTransaction)lease.Transaction!, firsts,
            r => r.SourceRecordId,
            (r, row) =>
            {
                row[0] = agencyId;
                row[1] = r.SourceRecordId;
                row[2] = r.Revision;
                row[3] = nowUnixMs;
                r.Values.CopyTo(row, 4);
            },
            ct);
        for (var i = 0; i < records.Count; i++)
        {
            if (firstOfItsId[i] && inserted.Contains(records[i].SourceRecordId))
            {
                outcome.Accepted++;
            }
            else
            {
                await ResolveConflictAsync(lease, table, agencyId, records[i], nowUnixMs, outcome, ct);
            }
        }
    }

    private static async Task ResolveConflictAsync(WriterLease lease, FeedTable table, string agencyId, PendingRecord record,
        long nowUnixMs, BatchOutcome outcome, CancellationToken ct)
    {
        var stored = await ReadStoredAsync(lease, table, agencyId, record.SourceRecordId, ct);
        if (record.Revision < stored.Revision)
        {
            outcome.Refused.Add((record, new RecordFault("revision", RejectionCodes.StaleRevision,
                $"revision {record.Revision} is older than the stored revision {stored.Revision}.")));
            return;
        }
        if (record.Revision == stored.Revision)
        {
            if (SameContent(stored.Values, record.Values))
            {
                outcome.Duplicate++;
            }
            else
            {
                outcome.Refused.Add((record, new RecordFault("revision", RejectionCodes.RevisionConflict,
                    $"revision {record.Revision} is already stored with other content; send a correction as revision {stored.Revision + 1} or higher.")));
            }
            return;
        }

        var version = lease.Command(FeedTable.VersionInsertSql, 9);
        var v = version.Parameters;
        v[0].Value = table.Name;
        v[1].Value = stored.Id;
        v[2].Value = agencyId;
        v[3].Value = record.SourceRecordId;
        v[4].Value = stored.Revision;
        v[5].Value = AppliesFrom(stored.Values[table.AppliesFromIndex]) ?? (object)DBNull.Value;
        v[6].Value = stored.RecordedAtUnixMs;
        v[7].Value = nowUnixMs;
        v[8].Value = ContentJson(table, stored.Values);
        await version.ExecuteNonQueryAsync(ct);

        var update = lease.Command(table.UpdateSql, table.Columns.Count + 3);
        var u = update.Parameters;
        u[0].Value = record.Revision;
        u[1].Value = nowUnixMs;
        for (var i = 0; i < record.Values.Length; i++)
        {
            u[i + 2].Value = record.Values[i] ?? DBNull.Value;
        }
        u[record.Values.Length + 2].Value = stored.Id;
        await update.ExecuteNonQueryAsync(ct);
        outcome.Corrected++;
    }

    private static async Task<StoredRecord> ReadStoredAsync(WriterLease lease, FeedTable table, string agencyId,
        string sourceRecordId, CancellationToken ct)
    {
        var select = lease.Command(table.SelectSql, 2);
        select.Parameters[0].Value = agencyId;
        select.Parameters[1].Value = sourceRecordId;
        await using var reader = await select.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException($"{table.Name}: conflict reported for {sourceRecordId} but no row found.");
        }
        var values = new object?[table.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i + 3) ? null : reader.GetValue(i + 3);
        }
        return new StoredRecord(reader.GetInt64(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
            reader.GetInt64(2), values);
    }

    private static bool SameContent(object?[] stored, object?[] incoming)
    {
        for (var i = 0; i < stored.Length; i++)
        {
            if (!string.Equals(ColumnValue.Canonical(stored[i]), ColumnValue.Canonical(incoming[i]), StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static DateOnly? AppliesFrom(object? value) => ColumnValue.Canonical(value) is { } text
        ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : null;

    private static string ContentJson(FeedTable table, object?[] values)
    {
        var content = new Dictionary<string, string?>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            content[table.Columns[i]] = ColumnValue.Canonical(values[i]);
        }
        return JsonSerializer.Serialize(content);
    }

    private sealed record StoredRecord(long Id, int Revision, long RecordedAtUnixMs, object?[] Values);
}

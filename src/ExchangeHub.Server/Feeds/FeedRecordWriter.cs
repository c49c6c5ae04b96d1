using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ExchangeHub.Server.Common.Followups;
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
/// the stored versions of the records that were not new are read in one query per batch and classified in memory,
/// so a retry of a stored stream costs about what its first send did (issue 13).
/// On PostgreSQL several replicas may write the same source ids at once: a batch first locks its source ids (by bucket,
/// in one order, <see cref="LockScope.FeedRecords"/>), so every outcome is the one a single writer would give, and a
/// deadlock or serialization failure runs the batch again (<see cref="TransientConflicts"/>).
/// A batch that stored new or corrected records of units already decided marks those units for re-decision in the same
/// transaction (<see cref="FollowupMarks"/>, one statement per batch): a duplicate or refused record changes no fact and
/// marks nothing.
/// </summary>
public sealed class FeedRecordWriter(HubDatabase database, FollowupMarks followups, ILogger<FeedRecordWriter> logger)
{
    /// <summary>
    /// Lock buckets per (table, agency): a batch holds at most this many advisory locks (PostgreSQL's lock table holds
    /// 64 per connection by default), two batches with no bucket in common write in parallel.
    /// </summary>
    internal const int LockBuckets = 64;

    /// <summary>
    /// PostgreSQL: the (table, agency) pairs whose last batch met stored records. The next batch of such a pair skips the
    /// optimistic COPY (a retried stream would pay, every batch, for a COPY that fails on its first row).
    /// </summary>
    private readonly ConcurrentDictionary<string, bool> _metStored = new(StringComparer.Ordinal);

    public Task<BatchOutcome> WriteAsync(FeedTable table, string agencyId, IReadOnlyList<PendingRecord> records,
        long nowUnixMs, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return Task.FromResult(new BatchOutcome());
        }
        return database.Provider == StorageProvider.Postgres
            ? TransientConflicts.RunAsync(() => WriteOnceAsync(table, agencyId, records, nowUnixMs, ct), logger, table.Name, ct)
            : WriteOnceAsync(table, agencyId, records, nowUnixMs, ct);
    }

    private async Task<BatchOutcome> WriteOnceAsync(FeedTable table, string agencyId, IReadOnlyList<PendingRecord> records,
        long nowUnixMs, CancellationToken ct)
    {
        var outcome = new BatchOutcome();
        // The subjects whose facts this batch changes (null: nobody follows this table's records).
        var changed = followups.Enabled && table.Followed ? new ChangedSubjects() : null;
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        List<PendingRecord> known;
        if (lease.Provider == StorageProvider.Sqlite)
        {
            known = InsertRowByRow(lease, table, agencyId, records, nowUnixMs, outcome, changed);
        }
        else
        {
            await lease.LockAsync(LockScope.FeedRecords, LockKeys(table, agencyId, records), ct);
            known = await InsertByCopyAsync(lease, table, agencyId, records, nowUnixMs, outcome, changed, ct);
        }
        if (known.Count > 0)
        {
            var stored = await ReadStoredAsync(lease, table, agencyId, known, ct);
            foreach (var record in known)
            {
                if (await ResolveAsync(lease, table, agencyId, record, stored, nowUnixMs, outcome, changed, ct))
                {
                    Changed(changed, table, record);
                }
            }
        }
        if (changed is not null)
        {
            await followups.MarkAsync(lease, changed, nowUnixMs, ct);
        }
        await lease.CommitAsync(ct);
        return outcome;
    }

    /// <summary>
    /// SQLite: one prepared INSERT per record (<see cref="SqliteRawInsert"/>); returns, in batch order, the records
    /// whose source id was already stored (before the batch or by an earlier record of it).
    /// </summary>
    private static List<PendingRecord> InsertRowByRow(WriterLease lease, FeedTable table, string agencyId,
        IReadOnlyList<PendingRecord> records, long nowUnixMs, BatchOutcome outcome, ChangedSubjects? changed)
    {
        var known = new List<PendingRecord>();
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
                Changed(changed, table, record);
            }
            else
            {
                known.Add(record);
            }
        }
        return known;
    }

    /// <summary>
    /// PostgreSQL: the first record of each source id goes in by binary COPY (<see cref="PostgresCopyInsert"/>);
    /// returns, in batch order, every record that was not inserted — stored before, or a repeat of a source id
    /// earlier in the batch.
    /// </summary>
    private async Task<List<PendingRecord>> InsertByCopyAsync(WriterLease lease, FeedTable table, string agencyId,
        IReadOnlyList<PendingRecord> records, long nowUnixMs, BatchOutcome outcome, ChangedSubjects? changed, CancellationToken ct)
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

        var pair = table.Name + "/" + agencyId;
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
            ct, straightFirst: !_metStored.GetValueOrDefault(pair));
        _metStored[pair] = inserted.Count < firsts.Count;
        var known = new List<PendingRecord>();
        for (var i = 0; i < records.Count; i++)
        {
            if (firstOfItsId[i] && inserted.Contains(records[i].SourceRecordId))
            {
                outcome.Accepted++;
                Changed(changed, table, records[i]);
            }
            else
            {
                known.Add(records[i]);
            }
        }
        return known;
    }

    /// <summary>
    /// Classifies one already-known record against the version stored now — <paramref name="stored"/> is kept up to date
    /// as the batch's corrections apply, so a repeat meets the record stored (or corrected) by the ones before it,
    /// exactly as one SELECT per record did. A correction's two writes are deferred (one round trip per many on PostgreSQL).
    /// True when the record was stored (a correction).
    /// </summary>
    private static async Task<bool> ResolveAsync(WriterLease lease, FeedTable table, string agencyId, PendingRecord record,
        Dictionary<string, StoredRecord> stored, long nowUnixMs, BatchOutcome outcome, ChangedSubjects? changed, CancellationToken ct)
    {
        if (!stored.TryGetValue(record.SourceRecordId, out var current))
        {
            throw new InvalidOperationException($"{table.Name}: {record.SourceRecordId} was not inserted but no row was found.");
        }
        if (record.Revision < current.Revision)
        {
            outcome.Refused.Add((record, new RecordFault("revision", RejectionCodes.StaleRevision,
                $"revision {record.Revision} is older than the stored revision {current.Revision}.")));
            return false;
        }
        if (record.Revision == current.Revision)
        {
            if (SameContent(current.Values, record.Values))
            {
                outcome.Duplicate++;
            }
            else
            {
                outcome.Refused.Add((record, new RecordFault("revision", RejectionCodes.RevisionConflict,
                    $"revision {record.Revision} is already stored with other content; send a correction as revision {current.Revision + 1} or higher.")));
            }
            return false;
        }

        await lease.ExecuteDeferredAsync(FeedTable.VersionInsertSql,
        [
            table.Name, current.Id, agencyId, record.SourceRecordId, current.Revision, AppliesFrom(current.Values[table.AppliesFromIndex]),
            current.RecordedAtUnixMs, nowUnixMs, ContentJson(table, current.Values),
        ], ct);
        var update = new object?[record.Values.Length + 3];
        update[0] = record.Revision;
        update[1] = nowUnixMs;
        record.Values.CopyTo(update, 2);
        update[^1] = current.Id;
        await lease.ExecuteDeferredAsync(table.UpdateSql, update, ct);
        // A correction that moves a record to another unit or person changes the facts of the one it leaves too.
        Changed(changed, table, current.Values);
        stored[record.SourceRecordId] = new StoredRecord(current.Id, record.Revision, nowUnixMs, record.Values);
        outcome.Corrected++;
        return true;
    }

    /// <summary>Adds the subjects <paramref name="record"/>'s values name (a correction adds those of its old version too).</summary>
    private static void Changed(ChangedSubjects? changed, FeedTable table, PendingRecord record) => Changed(changed, table, record.Values);

    private static void Changed(ChangedSubjects? changed, FeedTable table, object?[] values)
    {
        if (changed is null)
        {
            return;
        }
        Add(changed.Units, table.UnitIndex, values);
        Add(changed.Residents, table.PersonIndex, values);
        Add(changed.Certificates, table.CertificateIndex, values);

        static void Add(HashSet<string> keys, int index, object?[] values)
        {
            if (index >= 0 && values[index] is string key)
            {
                keys.Add(key);
            }
        }
    }

    /// <summary>The stored versions of <paramref name="known"/>'s source ids, in one query.</summary>
    private static async Task<Dictionary<string, StoredRecord>> ReadStoredAsync(WriterLease lease, FeedTable table, string agencyId,
        List<PendingRecord> known, CancellationToken ct)
    {
        var ids = known.Select(r => r.SourceRecordId).Distinct(StringComparer.Ordinal).ToArray();
        var sqlite = lease.Provider == StorageProvider.Sqlite;
        var select = lease.Command(sqlite ? table.SqliteSelectStoredSql : table.PostgresSelectStoredSql, 2);
        select.Parameters[0].Value = agencyId;
        select.Parameters[1].Value = sqlite ? JsonSerializer.Serialize(ids) : ids;
        var stored = new Dictionary<string, StoredRecord>(ids.Length, StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i + 4) ? null : reader.GetValue(i + 4);
            }
            stored[reader.GetString(0)] = new StoredRecord(reader.GetInt64(1),
                Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetInt64(3), values);
        }
        return stored;
    }

    /// <summary>The lock keys of a batch: one per bucket of its source ids (a stable hash, the same in every replica).</summary>
    private static List<string> LockKeys(FeedTable table, string agencyId, IReadOnlyList<PendingRecord> records)
    {
        var buckets = new bool[LockBuckets];
        foreach (var record in records)
        {
            buckets[Bucket(record.SourceRecordId)] = true;
        }
        var keys = new List<string>(LockBuckets);
        for (var b = 0; b < LockBuckets; b++)
        {
            if (buckets[b])
            {
                keys.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Name}/{agencyId}/{b}"));
            }
        }
        return keys;
    }

    /// <summary>FNV-1a over the id's UTF-16 code units: unlike <see cref="string.GetHashCode()"/>, the same in every process.</summary>
    internal static int Bucket(string sourceRecordId)
    {
        var hash = 2166136261u;
        foreach (var c in sourceRecordId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % LockBuckets);
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

using System.Data.Common;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// The relay's reads and writes of <c>outbox_messages</c>: the oldest unsent rows, and one short transaction per round
/// that marks the confirmed rows sent and records failed attempts. Rows are never deleted. On PostgreSQL, where several
/// hub replicas relay from one table, a round claims its rows instead (<see cref="ClaimAsync"/>).
/// </summary>
public sealed class OutboxStore(HubDatabase database, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MessagingOptions> options)
{
    private readonly int _parkAfterAttempts = options.Value.ParkAfterAttempts > 0 ? options.Value.ParkAfterAttempts : int.MaxValue;

    /// <summary>
    /// The rows the relay may publish: unsent, not released, and of no subject with a parked row (the subject waits behind
    /// it, so its order holds). The parked subjects come from the partial index of parked unsent rows (migration
    /// OutboxParkedSubjectIndex), named for SQLite (<see cref="ParkedIndexHint"/>): its planner took the (sent, sequence)
    /// index and looked up every unsent row for its parked column — 190 ms per read with 150,000 rows waiting, most of
    /// the relay's system time, against 6 ms now. PostgreSQL's planner finds the index itself (<see cref="Sql"/>).
    /// </summary>
    private const string RelayableSql =
        "sent_at_unix_ms IS NULL AND released_at_unix_ms IS NULL AND subject_key NOT IN "
        + "(SELECT p.subject_key FROM outbox_messages p" + ParkedIndexHint
        + " WHERE p.sent_at_unix_ms IS NULL AND p.parked_at_unix_ms IS NOT NULL AND p.released_at_unix_ms IS NULL)";

    /// <summary>SQLite's index hint in <see cref="RelayableSql"/>; taken out for PostgreSQL, which has no such syntax.</summary>
    private const string ParkedIndexHint = " INDEXED BY ix_outbox_messages_subject_key";

    private const string UnsentSql =
        "SELECT sequence, message_id, message_type, subject_key, payload, trace_parent FROM outbox_messages "
        + "WHERE " + RelayableSql + " ORDER BY sequence LIMIT @p0";

    /// <summary>
    /// SQLite, while earlier rounds of this relay are still in flight: the oldest unsent rows that are not theirs (@p1: the
    /// held sequences as a JSON array). The rows of a subject with a held row are left out by the relay, not here.
    /// </summary>
    private const string UnsentNotHeldSql =
        "SELECT sequence, message_id, message_type, subject_key, payload, trace_parent FROM outbox_messages "
        + "WHERE " + RelayableSql + " AND sequence NOT IN (SELECT value FROM json_each(@p1)) ORDER BY sequence LIMIT @p0";

    /// <summary>
    /// The pipelined relay (SQLite only): the oldest unsent rows after the last one it read (@p1), through the primary key.
    /// SQLite has one writer, so sequences commit in order and no row appears behind a cursor that passed it.
    /// </summary>
    private const string UnsentAfterSql =
        "SELECT sequence, message_id, message_type, subject_key, payload, trace_parent FROM outbox_messages "
        + "WHERE " + RelayableSql + " AND sequence > @p1 ORDER BY sequence LIMIT @p0";

    /// <summary>
    /// Marks a whole round's confirmed rows in one statement (@p1: the sequences): one round trip instead of one per row.
    /// SQLite takes them as a JSON array (<c>json_each</c>, the primary key serves each), PostgreSQL as a bigint array.
    /// </summary>
    private const string MarkSentSqlite =
        "UPDATE outbox_messages SET sent_at_unix_ms = @p0 WHERE sent_at_unix_ms IS NULL AND sequence IN (SELECT value FROM json_each(@p1))";

    private const string MarkSentPostgres = "UPDATE outbox_messages SET sent_at_unix_ms = @p0 WHERE sent_at_unix_ms IS NULL AND sequence = ANY(@p1)";

    /// <summary>Counts the attempt; parks the row (@p3 = now) when it is poison (@p2 = 1) or reached the limit (@p4).</summary>
    private const string RecordFailureSql =
        "UPDATE outbox_messages SET attempts = attempts + 1, last_error = @p0, "
        + "parked_at_unix_ms = CASE WHEN @p2 = 1 OR attempts + 1 >= @p4 THEN @p3 ELSE parked_at_unix_ms END WHERE sequence = @p1";

    /// <summary>PostgreSQL: the oldest unsent rows no other replica's round holds, locked until this round commits.</summary>
    private const string ClaimSql =
        "SELECT sequence, message_id, message_type, subject_key, payload, trace_parent FROM outbox_messages "
        + "WHERE " + RelayableSql + " ORDER BY sequence LIMIT @p0 FOR UPDATE SKIP LOCKED";

    /// <summary>Subjects with an unsent row older than the claim's newest that the claim does not hold (another round has it).</summary>
    private const string BlockedSubjectsSql =
        "SELECT DISTINCT subject_key FROM outbox_messages WHERE sent_at_unix_ms IS NULL AND released_at_unix_ms IS NULL AND subject_key = ANY(@p0) AND sequence < @p1 "
        + "AND NOT (sequence = ANY(@p2))";

    /// <summary>The oldest row the relay should be publishing (parked subjects are reported on their own).</summary>
    /// <remarks>
    /// The oldest by sequence (rows are written in sequence order), found through the (sent, sequence) index: MIN over
    /// created_at read every unsent row, payload pages and all — seconds with 100,000 rows waiting, every health check.
    /// </remarks>
    private const string OldestUnsentSql = "SELECT created_at_unix_ms FROM outbox_messages WHERE " + RelayableSql + " ORDER BY sequence LIMIT 1";

    /// <summary>For the gauges: rows not confirmed (parked included, released not) and the parked ones among them.</summary>
    private const string BacklogSql =
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN parked_at_unix_ms IS NOT NULL THEN 1 ELSE 0 END), 0) FROM outbox_messages "
        + "WHERE sent_at_unix_ms IS NULL AND released_at_unix_ms IS NULL";

    private const string ParkedSubjectsSql =
        "SELECT DISTINCT subject_key FROM outbox_messages "
        + "WHERE sent_at_unix_ms IS NULL AND parked_at_unix_ms IS NOT NULL AND released_at_unix_ms IS NULL ORDER BY subject_key";

    private const int MaxErrorLength = 2000;

    /// <summary>Up to <paramref name="limit"/> unsent rows in sequence order, oldest first.</summary>
    public Task<IReadOnlyList<PendingMessage>> ReadUnsentAsync(int limit, CancellationToken ct) => ReadUnsentAsync(limit, [], ct);

    /// <summary>Up to <paramref name="limit"/> unsent rows in sequence order, oldest first, none of <paramref name="held"/>.</summary>
    private Task<IReadOnlyList<PendingMessage>> ReadUnsentAsync(int limit, IReadOnlyCollection<long> held, CancellationToken ct) =>
        held.Count == 0 ? ReadAsync(UnsentSql, limit, null, ct) : ReadAsync(UnsentNotHeldSql, limit, "[" + string.Join(',', held) + "]", ct);

    /// <summary>
    /// Up to <paramref name="limit"/> unsent rows after sequence <paramref name="after"/>, oldest first: the pipelined relay
    /// reads on from where it stopped instead of leaving out what it holds. SQLite only (<see cref="UnsentAfterSql"/>).
    /// </summary>
    public Task<IReadOnlyList<PendingMessage>> ReadUnsentAfterAsync(long after, int limit, CancellationToken ct) =>
        ReadAsync(UnsentAfterSql, limit, after, ct);

    /// <summary>The SQLite statements that leave parked subjects out (for the test of their query plans).</summary>
    internal static IReadOnlyList<string> RelayableReads => [UnsentSql, UnsentNotHeldSql, UnsentAfterSql, OldestUnsentSql];

    /// <summary>The statement for this hub's provider: PostgreSQL without SQLite's index hint.</summary>
    private string Sql(string sql) =>
        database.Provider == Configuration.StorageProvider.Postgres ? sql.Replace(ParkedIndexHint, "", StringComparison.Ordinal) : sql;

    private async Task<IReadOnlyList<PendingMessage>> ReadAsync(string sql, int limit, object? p1, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql(sql);
        AddParameter(command, "@p0", limit);
        if (p1 is not null)
        {
            AddParameter(command, "@p1", p1);
        }
        var rows = new List<PendingMessage>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(Pending(reader));
        }
        return rows;
    }

    /// <summary>
    /// The rows of one relay round. SQLite (one hub per file): the oldest unsent rows, recorded afterwards in a short
    /// transaction of their own. PostgreSQL: the oldest unsent rows not held by another replica, locked
    /// (<c>FOR UPDATE SKIP LOCKED</c>) in a transaction that stays open while they are published and records the outcome
    /// when the round completes; a replica that dies mid-round loses its transaction and the rows are claimable again.
    /// A subject whose older unsent row another replica holds is left out of this round, so per-subject order holds
    /// across replicas.
    /// </summary>
    public Task<OutboxClaim> ClaimAsync(int limit, CancellationToken ct) => ClaimAsync(limit, [], ct);

    /// <summary>
    /// As <see cref="ClaimAsync(int, CancellationToken)"/>, while this relay's earlier rounds still hold
    /// <paramref name="held"/> (published or in flight, not yet recorded): on SQLite those rows are left out of the read;
    /// on PostgreSQL their rounds' transactions lock them, so <c>SKIP LOCKED</c> leaves them out already.
    /// </summary>
    public async Task<OutboxClaim> ClaimAsync(int limit, IReadOnlyCollection<long> held, CancellationToken ct)
    {
        if (database.Provider != Configuration.StorageProvider.Postgres)
        {
            return new OutboxClaim(await ReadUnsentAsync(limit, held, ct), (confirmed, failures, token) => RecordAsync(confirmed, failures, token), null);
        }
        var lease = await database.AcquireWriterAsync(ct);
        try
        {
            await lease.BeginAsync(ct);
            var claim = lease.Command(Sql(ClaimSql), 1);
            claim.Parameters[0].Value = limit;
            var rows = new List<PendingMessage>(limit);
            await using (var reader = await claim.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(Pending(reader));
                }
            }
            if (rows.Count > 0)
            {
                var blocked = lease.Command(BlockedSubjectsSql, 3);
                blocked.Parameters[0].Value = rows.Select(r => r.SubjectKey).Distinct(StringComparer.Ordinal).ToArray();
                blocked.Parameters[1].Value = rows[^1].Sequence;
                blocked.Parameters[2].Value = rows.Select(r => r.Sequence).ToArray();
                var skip = new HashSet<string>(StringComparer.Ordinal);
                await using (var reader = await blocked.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        skip.Add(reader.GetString(0));
                    }
                }
                rows.RemoveAll(r => skip.Contains(r.SubjectKey));
            }
            return new OutboxClaim(rows, (confirmed, failures, token) => RecordAsync(lease, confirmed, failures, token), lease);
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
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
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await RecordAsync(lease, confirmed, failures, ct);
    }

    /// <summary>Records the outcome in the lease's open transaction and commits it.</summary>
    private async Task RecordAsync(WriterLease lease, IReadOnlyCollection<long> confirmed, IReadOnlyCollection<PublishFailure> failures,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (confirmed.Count > 0)
        {
            var postgres = database.Provider == Configuration.StorageProvider.Postgres;
            var mark = lease.Command(postgres ? MarkSentPostgres : MarkSentSqlite, 2);
            mark.Parameters[0].Value = now;
            mark.Parameters[1].Value = postgres ? confirmed.ToArray() : "[" + string.Join(',', confirmed) + "]";
            await mark.ExecuteNonQueryAsync(ct);
        }
        if (failures.Count > 0)
        {
            var fail = lease.Command(RecordFailureSql, 5);
            fail.Parameters[3].Value = now;
            fail.Parameters[4].Value = _parkAfterAttempts;
            foreach (var failure in failures)
            {
                fail.Parameters[0].Value = failure.Error.Length > MaxErrorLength ? failure.Error[..MaxErrorLength] : failure.Error;
                fail.Parameters[1].Value = failure.Sequence;
                fail.Parameters[2].Value = failure.Poison ? 1 : 0;
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
        command.CommandText = Sql(OldestUnsentSql);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull
            ? null
            : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The unsent rows, the parked rows among them, and the age of the oldest relayable row (for the gauges).</summary>
    public async Task<Telemetry.OutboxBacklog> BacklogAsync(CancellationToken ct)
    {
        long unsent, parked;
        await using (var connection = await database.OpenReaderAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = BacklogSql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            unsent = reader.GetInt64(0);
            parked = reader.GetInt64(1);
        }
        var oldest = await OldestUnsentAsync(ct);
        var age = oldest is null ? 0 : Math.Max(0, (clock.GetUtcNow() - oldest.Value).TotalSeconds);
        return new Telemetry.OutboxBacklog(unsent, age, parked);
    }

    /// <summary>The subjects with a parked row, waiting for an operator (<c>exchangehub outbox parked</c>).</summary>
    public async Task<IReadOnlyList<string>> ParkedSubjectsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = ParkedSubjectsSql;
        var subjects = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            subjects.Add(reader.GetString(0));
        }
        return subjects;
    }

    private static PendingMessage Pending(DbDataReader reader) =>
        new(reader.GetInt64(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

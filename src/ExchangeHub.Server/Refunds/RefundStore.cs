using System.Globalization;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Refunds;

/// <summary>Reads and writes refund decisions and cases; every write runs inside the caller's lease transaction.</summary>
public sealed class RefundStore(HubDatabase database)
{
    private const string CaseColumns = "uscc, program_year, state, current_decision_id, offered_on, reminders_sent, last_reminder_on, approved_amount_fen";

    /// <summary>
    /// The frozen decision date of an approved case: the D of the decision the unit confirmed (a case approved before
    /// the hub recorded it falls back to its current decision's D, which settlements keep).
    /// </summary>
    private const string FrozenDecisionDate =
        "CASE WHEN c.state = @approved THEN COALESCE((SELECT a.decision_date FROM refund_decisions a WHERE a.id = c.approved_decision_id), "
        + "(SELECT a.decision_date FROM refund_decisions a WHERE a.id = c.current_decision_id)) END";

    /// <summary>The current decisions of <paramref name="units"/> for a program year.</summary>
    public async Task<Dictionary<string, StoredDecision>> CurrentDecisionsAsync(int programYear, IReadOnlyList<string> units, CancellationToken ct)
    {
        var result = new Dictionary<string, StoredDecision>(StringComparer.Ordinal);
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DecisionReadColumns} FROM refund_decisions d "
            + "WHERE d.program_year = @y AND d.is_current = TRUE AND d.uscc IN (" + InList(command, units) + ")";
        command.With("@y", programYear);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var d = Decision(reader);
            result[d.Uscc] = d;
        }
        return result;
    }

    /// <summary>
    /// The decision an approved refund was last paid on: the newest ELIGIBLE decision of the unit and year from the
    /// confirmed one on (a later UNDETERMINED or HELD decision settles nothing, so it is never the basis of the next
    /// settlement, 2.(1) "Decision (settlement)"). Null when there is none.
    /// </summary>
    public async Task<StoredDecision?> SettledBasisAsync(int programYear, string uscc, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DecisionReadColumns} FROM refund_decisions d WHERE d.program_year = @y AND d.uscc = @uscc "
            + "AND d.outcome = @eligible AND d.id >= (SELECT c.approved_decision_id FROM refund_cases c WHERE c.uscc = @uscc AND c.program_year = @y) "
            + "ORDER BY d.id DESC LIMIT 1";
        command.With("@y", programYear).With("@uscc", uscc).With("@eligible", RuleOutcomes.Upper<RefundOutcome>(RefundOutcome.Eligible));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Decision(reader) : null;
    }

    private const string DecisionReadColumns = "d.id, d.uscc, d.outcome, d.amount_fen, d.facts_sha256, d.policy_version, d.facts, d.decision_date, d.rate, "
        + "d.base_fen, d.size_class, d.size_class_source";

    private static StoredDecision Decision(System.Data.Common.DbDataReader reader) => new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
        reader.GetInt64(3), reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateOnly>(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.GetString(6), reader.GetString(8), reader.GetInt64(9), reader.GetString(10), reader.GetString(11));

    /// <summary>The workflow cases of <paramref name="units"/> for a program year.</summary>
    public async Task<Dictionary<string, RefundCase>> CasesAsync(int programYear, IReadOnlyList<string> units, CancellationToken ct)
    {
        var result = new Dictionary<string, RefundCase>(StringComparer.Ordinal);
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.uscc, c.program_year, c.state, c.current_decision_id, c.offered_on, c.reminders_sent, c.last_reminder_on, "
            + $"c.approved_amount_fen, c.applied_on, c.waived_on, {FrozenDecisionDate} FROM refund_cases c WHERE c.program_year = @y AND c.uscc IN ("
            + InList(command, units) + ")";
        command.With("@y", programYear).With("@approved", StoredRefundState.DisbursementApproved);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var c = new RefundCase(reader.GetString(0), reader.GetInt32(1), RefundStates.FromStored(reader.GetString(2)), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? null : reader.GetInt64(7),
                OptionalDate(reader, 8), OptionalDate(reader, 9), OptionalDate(reader, 10));
            result[c.Uscc] = c;
        }
        return result;
    }

    private const string DecisionColumns =
        "uscc, program_year, run_id, outcome, amount_fen, rate, base_fen, size_class, size_class_source, "
        + "division_code, labour_dispatch, policy_id, policy_version, facts_sha256, facts, explanation, decided_at_unix_ms, decision_date, "
        + "knowledge_time_unix_ms, is_current, supersedes_id, supersede_reason";

    private const int DecisionValues = 22;

    private const string SupersedeSql = "UPDATE refund_decisions SET is_current = FALSE WHERE id = @p0";

    private static readonly string InsertReturningIdSql = $"INSERT INTO refund_decisions ({DecisionColumns}) VALUES ({Positional(DecisionValues)}) RETURNING id";

    private static readonly string InsertWithIdSql = $"INSERT INTO refund_decisions (id, {DecisionColumns}) VALUES ({Positional(DecisionValues + 1)})";

    /// <summary>
    /// Stores a decision (and marks the one it supersedes no longer current); returns its id. With
    /// <paramref name="reservedId"/> (PostgreSQL, <see cref="ReserveDecisionIdsAsync"/>) both statements are deferred
    /// writes sent with the transaction's other rows in one round trip: nothing in a run's chunk reads a decision back
    /// before the commit. Without it, the database assigns the id (one round trip for <c>RETURNING id</c>).
    /// </summary>
    public static async Task<long> InsertDecisionAsync(WriterLease lease, RefundDecisionRow row, CancellationToken ct, long? reservedId = null)
    {
        object?[] values =
        [
            row.Uscc, row.ProgramYear, row.RunId, row.Outcome, row.AmountFen, row.Rate, row.BaseFen, row.SizeClass, row.SizeClassSource,
            row.DivisionCode, row.LabourDispatch, row.PolicyId, row.PolicyVersion, row.FactsSha256, row.Facts, row.Explanation,
            row.DecidedAtUnixMs, row.DecisionDate, row.KnowledgeTimeUnixMs, true, row.SupersedesId, row.SupersedeReason,
        ];
        if (reservedId is { } id)
        {
            if (row.SupersedesId is { } superseded)
            {
                await lease.ExecuteDeferredAsync(SupersedeSql, [superseded], ct);
            }
            await lease.ExecuteDeferredAsync(InsertWithIdSql, [id, .. values], ct);
            return id;
        }
        if (row.SupersedesId is { } previous)
        {
            var update = lease.Command(SupersedeSql, 1);
            update.Parameters[0].Value = previous;
            await update.ExecuteNonQueryAsync(ct);
        }
        var insert = lease.Command(InsertReturningIdSql, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// PostgreSQL: <paramref name="count"/> decision ids taken from the table's identity sequence in one round trip, so
    /// a run's decisions can be deferred writes (<see cref="InsertDecisionAsync"/>). Ids a chunk does not use stay unused
    /// (a gap, as after any rolled-back insert). SQLite: none — its in-process insert costs nothing.
    /// </summary>
    public static async Task<Queue<long>> ReserveDecisionIdsAsync(WriterLease lease, int count, CancellationToken ct)
    {
        var ids = new Queue<long>(count);
        if (lease.Provider != StorageProvider.Postgres || count == 0)
        {
            return ids;
        }
        var select = lease.Command("SELECT nextval(pg_get_serial_sequence('refund_decisions', 'id')) FROM generate_series(1, @p0)", 1);
        select.Parameters[0].Value = count;
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Enqueue(reader.GetInt64(0));
        }
        return ids;
    }

    /// <summary>"@p0, @p1, …" for <paramref name="count"/> values.</summary>
    private static string Positional(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The units whose disbursement is approved for a program year, by USCC: what a settlement-only run decides.</summary>
    public async Task<IReadOnlyList<string>> ApprovedUnitsAsync(int programYear, CancellationToken ct)
    {
        var result = new List<string>();
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT uscc FROM refund_cases WHERE program_year = @y AND state = @approved ORDER BY uscc";
        command.With("@y", programYear).With("@approved", StoredRefundState.DisbursementApproved);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(reader.GetString(0));
        }
        return result;
    }

    /// <summary>
    /// Inserts or updates the unit's case (one statement per decided unit of a run). It stays a deferred write, sent with
    /// the transaction's outbox rows in one round trip on PostgreSQL, so it binds @p0…@p9 in the column order above. An
    /// application's date is kept until the next application; confirmation and waiver dates are written by their steps.
    /// </summary>
    public static Task SaveCaseAsync(WriterLease lease, RefundCase c, long nowUnixMs, CancellationToken ct) =>
        lease.ExecuteDeferredAsync(
            $"INSERT INTO refund_cases ({CaseColumns}, applied_on, updated_at_unix_ms) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) "
            + "ON CONFLICT (uscc, program_year) DO UPDATE SET state = excluded.state, current_decision_id = excluded.current_decision_id, "
            + "offered_on = excluded.offered_on, reminders_sent = excluded.reminders_sent, last_reminder_on = excluded.last_reminder_on, "
            + "approved_amount_fen = excluded.approved_amount_fen, applied_on = COALESCE(excluded.applied_on, refund_cases.applied_on), "
            + "updated_at_unix_ms = excluded.updated_at_unix_ms",
            [c.Uscc, c.ProgramYear, RefundStates.ToStored(c.State), c.CurrentDecisionId, c.OfferedOn, c.RemindersSent, c.LastReminderOn, c.AmountFen,
                c.AppliedOn, nowUnixMs], ct);

    private static DateOnly? OptionalDate(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>Parameters @u0…@uN for an IN list (a chunk of a run is at most a few hundred units).</summary>
    private static string InList(System.Data.Common.DbCommand command, IReadOnlyList<string> units)
    {
        if (units.Count == 0)
        {
            return "NULL";
        }
        var names = new string[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            names[i] = "@u" + i.ToString(CultureInfo.InvariantCulture);
            command.With(names[i], units[i]);
        }
        return string.Join(", ", names);
    }
}

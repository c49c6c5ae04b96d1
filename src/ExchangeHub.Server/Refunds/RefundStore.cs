using System.Globalization;
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
        command.CommandText = "SELECT d.id, d.uscc, d.outcome, d.amount_fen, d.facts_sha256, d.policy_version, d.facts, d.decision_date, d.rate, "
            + "d.base_fen, d.size_class, d.size_class_source FROM refund_decisions d "
            + "WHERE d.program_year = @y AND d.is_current = TRUE AND d.uscc IN (" + InList(command, units) + ")";
        command.With("@y", programYear);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var d = new StoredDecision(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateOnly>(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(6), reader.GetString(8), reader.GetInt64(9), reader.GetString(10), reader.GetString(11));
            result[d.Uscc] = d;
        }
        return result;
    }

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

    public static async Task<long> InsertDecisionAsync(WriterLease lease, RefundDecisionRow row, CancellationToken ct)
    {
        if (row.SupersedesId is { } previous)
        {
            await lease.Command("UPDATE refund_decisions SET is_current = FALSE WHERE id = @id", 0).With("@id", previous).ExecuteNonQueryAsync(ct);
        }
        var insert = lease.Command(
            "INSERT INTO refund_decisions (uscc, program_year, run_id, outcome, amount_fen, rate, base_fen, size_class, size_class_source, "
            + "division_code, labour_dispatch, policy_id, policy_version, facts_sha256, facts, explanation, decided_at_unix_ms, decision_date, "
            + "knowledge_time_unix_ms, is_current, supersedes_id, supersede_reason) VALUES (@uscc, @program_year, @run_id, @outcome, @amount_fen, @rate, @base_fen, @size_class, "
            + "@size_class_source, @division_code, @labour_dispatch, @policy_id, @policy_version, @facts_sha256, @facts, @explanation, "
            + "@decided_at_unix_ms, @decision_date, @knowledge_time_unix_ms, TRUE, @supersedes_id, @supersede_reason) RETURNING id", 0)
            .With("@uscc", row.Uscc).With("@program_year", row.ProgramYear).With("@run_id", row.RunId).With("@outcome", row.Outcome)
            .With("@amount_fen", row.AmountFen).With("@rate", row.Rate).With("@base_fen", row.BaseFen).With("@size_class", row.SizeClass)
            .With("@size_class_source", row.SizeClassSource).With("@division_code", row.DivisionCode).With("@labour_dispatch", row.LabourDispatch)
            .With("@policy_id", row.PolicyId).With("@policy_version", row.PolicyVersion).With("@facts_sha256", row.FactsSha256)
            .With("@facts", row.Facts).With("@explanation", row.Explanation).With("@decided_at_unix_ms", row.DecidedAtUnixMs)
            .With("@decision_date", row.DecisionDate).With("@knowledge_time_unix_ms", row.KnowledgeTimeUnixMs)
            .With("@supersedes_id", row.SupersedesId).With("@supersede_reason", row.SupersedeReason);
        return Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

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

using System.Globalization;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Refunds;

/// <summary>Reads and writes refund decisions and cases; every write runs inside the caller's lease transaction.</summary>
public sealed class RefundStore(HubDatabase database)
{
    private const string CaseColumns = "uscc, program_year, state, current_decision_id, offered_on, reminders_sent, last_reminder_on, approved_amount_fen";

    /// <summary>The current decisions of <paramref name="units"/> for a program year.</summary>
    public async Task<Dictionary<string, StoredDecision>> CurrentDecisionsAsync(int programYear, IReadOnlyList<string> units, CancellationToken ct)
    {
        var result = new Dictionary<string, StoredDecision>(StringComparer.Ordinal);
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.id, d.uscc, d.outcome, d.amount_fen, d.facts_sha256, d.policy_version, d.facts FROM refund_decisions d "
            + "WHERE d.program_year = @y AND d.is_current = TRUE AND d.uscc IN (" + InList(command, units) + ")";
        command.With("@y", programYear);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var d = new StoredDecision(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetString(4), reader.GetString(5), "", reader.GetString(6));
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
        command.CommandText = $"SELECT {CaseColumns} FROM refund_cases WHERE program_year = @y AND uscc IN (" + InList(command, units) + ")";
        command.With("@y", programYear);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var c = new RefundCase(reader.GetString(0), reader.GetInt32(1), RefundStates.FromStored(reader.GetString(2)), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? null : reader.GetInt64(7));
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

    /// <summary>
    /// Inserts or updates the unit's case (one statement per decided unit of a run). It stays a deferred write, sent with
    /// the transaction's outbox rows in one round trip on PostgreSQL, so it binds @p0…@p8 in the column order above.
    /// </summary>
    public static Task SaveCaseAsync(WriterLease lease, RefundCase c, long nowUnixMs, CancellationToken ct) =>
        lease.ExecuteDeferredAsync(
            $"INSERT INTO refund_cases ({CaseColumns}, updated_at_unix_ms) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) "
            + "ON CONFLICT (uscc, program_year) DO UPDATE SET state = excluded.state, current_decision_id = excluded.current_decision_id, "
            + "offered_on = excluded.offered_on, reminders_sent = excluded.reminders_sent, last_reminder_on = excluded.last_reminder_on, "
            + "approved_amount_fen = excluded.approved_amount_fen, updated_at_unix_ms = excluded.updated_at_unix_ms",
            [c.Uscc, c.ProgramYear, RefundStates.ToStored(c.State), c.CurrentDecisionId, c.OfferedOn, c.RemindersSent, c.LastReminderOn, c.AmountFen, nowUnixMs], ct);

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

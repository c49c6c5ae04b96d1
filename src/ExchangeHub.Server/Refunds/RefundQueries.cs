using System.Data.Common;
using System.Globalization;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Refunds;

/// <summary>Read side of refunds and runs for the gRPC services and the CLI.</summary>
public sealed class RefundQueries(HubDatabase database)
{
    private const string DecisionColumns =
        "id, uscc, program_year, outcome, amount_fen, rate, base_fen, size_class, size_class_source, division_code, policy_id, "
        + "policy_version, facts_sha256, decided_at_unix_ms, explanation, supersede_reason, run_id";

    public async Task<(RefundDecisionRecord? Current, string State, List<RefundDecisionRecord> History)> DecisionAsync(
        string uscc, int programYear, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var all = await ReadDecisionsAsync(connection,
            $"SELECT {DecisionColumns}, is_current FROM refund_decisions WHERE uscc = @a AND program_year = @b ORDER BY id DESC",
            [uscc, programYear], withExplanation: true, ct);
        await using var command = Command(connection, "SELECT state FROM refund_cases WHERE uscc = @a AND program_year = @b", [uscc, programYear]);
        var state = await command.ExecuteScalarAsync(ct) as string;
        var current = all.FirstOrDefault();
        return (current, state is null ? "" : Names.Of(Enum.Parse<RefundState>(state)), all.Skip(1).ToList());
    }

    public async Task<(List<RefundDecisionRecord> Page, string Next)> ListAsync(int programYear, string outcome, string division, int pageSize,
        string after, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var sql = $"SELECT {DecisionColumns}, is_current FROM refund_decisions WHERE program_year = @a AND is_current = TRUE AND uscc > @b"
            + (outcome.Length > 0 ? " AND outcome = @c" : "") + (division.Length > 0 ? " AND division_code = @d" : "")
            + " ORDER BY uscc LIMIT " + (pageSize + 1).ToString(CultureInfo.InvariantCulture);
        var page = await ReadDecisionsAsync(connection, sql, [programYear, after, outcome, division], withExplanation: false, ct);
        var next = page.Count > pageSize ? page[pageSize - 1].Uscc : "";
        return (page.Take(pageSize).ToList(), next);
    }

    public async Task<ReconciliationRun?> RunAsync(string runId, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = Command(connection,
            "SELECT id, program_year, status, requested_by, started_at_unix_ms, completed_at_unix_ms, units, decided, unchanged, eligible, "
            + "ineligible, held, undetermined, exceptions, amount_fen, policy_id, policy_version, error FROM reconciliation_runs WHERE id = @a", [runId]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        return new ReconciliationRun
        {
            RunId = reader.GetString(0), ProgramYear = reader.GetInt32(1), Status = reader.GetString(2), RequestedBy = reader.GetString(3),
            StartedAt = StoredExplanation.Iso(reader.GetInt64(4)), CompletedAt = reader.IsDBNull(5) ? "" : StoredExplanation.Iso(reader.GetInt64(5)), Units = reader.GetInt32(6),
            Decided = reader.GetInt32(7), Unchanged = reader.GetInt32(8), Eligible = reader.GetInt32(9), Ineligible = reader.GetInt32(10),
            Held = reader.GetInt32(11), Undetermined = reader.GetInt32(12), Exceptions = reader.GetInt32(13), AmountFen = reader.GetInt64(14),
            Policy = $"{reader.GetString(15)} {reader.GetString(16)}", Error = reader.GetString(17),
        };
    }

    public async Task<(List<ReconciliationExceptionRecord> Page, string Next)> ExceptionsAsync(string runId, string code, string subject,
        int pageSize, long after, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var sql = "SELECT id, run_id, code, subject_key, period, detail FROM reconciliation_exceptions WHERE id > @a"
            + (runId.Length > 0 ? " AND run_id = @b" : "") + (code.Length > 0 ? " AND code = @c" : "") + (subject.Length > 0 ? " AND subject_key = @d" : "")
            + " ORDER BY id LIMIT " + (pageSize + 1).ToString(CultureInfo.InvariantCulture);
        await using var command = Command(connection, sql, [after, runId, code, subject]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var page = new List<(long Id, ReconciliationExceptionRecord Record)>();
        while (await reader.ReadAsync(ct))
        {
            page.Add((reader.GetInt64(0), new ReconciliationExceptionRecord
            {
                RunId = reader.GetString(1), Code = reader.GetString(2), SubjectKey = reader.GetString(3),
                Period = reader.IsDBNull(4) ? "" : Common.Validation.Fields.FormatPeriod(reader.GetInt32(4)), Detail = reader.GetString(5),
            }));
        }
        var next = page.Count > pageSize ? page[pageSize - 1].Id.ToString(CultureInfo.InvariantCulture) : "";
        return (page.Take(pageSize).Select(p => p.Record).ToList(), next);
    }

    private static async Task<List<RefundDecisionRecord>> ReadDecisionsAsync(DbConnection connection, string sql, object[] args, bool withExplanation,
        CancellationToken ct)
    {
        await using var command = Command(connection, sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<RefundDecisionRecord>();
        while (await reader.ReadAsync(ct))
        {
            var record = new RefundDecisionRecord
            {
                DecisionId = reader.GetInt64(0), Uscc = reader.GetString(1), ProgramYear = reader.GetInt32(2), Outcome = reader.GetString(3),
                AmountFen = reader.GetInt64(4), Rate = reader.GetString(5), BaseFen = reader.GetInt64(6), SizeClass = reader.GetString(7),
                SizeClassSource = reader.GetString(8), DivisionCode = reader.GetString(9), Policy = $"{reader.GetString(10)} {reader.GetString(11)}",
                FactsSha256 = reader.GetString(12), DecidedAt = StoredExplanation.Iso(reader.GetInt64(13)), SupersedeReason = reader.GetString(15), RunId = reader.GetString(16),
            };
            if (withExplanation)
            {
                record.Explanation.Add(StoredExplanation.Rules(reader.GetString(14)));
            }
            list.Add(record);
        }
        return list;
    }

    private static DbCommand Command(DbConnection connection, string sql, object[] args)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        string[] names = ["@a", "@b", "@c", "@d"];
        for (var i = 0; i < args.Length; i++)
        {
            if (sql.Contains(names[i], StringComparison.Ordinal))
            {
                var p = command.CreateParameter();
                p.ParameterName = names[i];
                p.Value = args[i];
                command.Parameters.Add(p);
            }
        }
        return command;
    }

}

using System.Data.Common;
using System.Globalization;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Refunds;

/// <summary>Read side of refund decisions and cases for the gRPC service and the CLI; returns records (<see cref="RefundContract"/> maps them).</summary>
public sealed class RefundQueries(HubDatabase database) : IRunAmounts
{
    private const string DecisionColumns =
        "id, uscc, program_year, outcome, amount_fen, rate, base_fen, size_class, size_class_source, division_code, policy_id, "
        + "policy_version, facts_sha256, decided_at_unix_ms, explanation, supersede_reason, run_id, decision_date, knowledge_time_unix_ms";

    public async Task<RefundDecisionHistory> DecisionAsync(string uscc, int programYear, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var decisions = connection.CreateCommand();
        decisions.CommandText = $"SELECT {DecisionColumns} FROM refund_decisions WHERE uscc = @uscc AND program_year = @program_year ORDER BY id DESC";
        decisions.With("@uscc", uscc).With("@program_year", programYear);
        var all = await ReadDecisionsAsync(decisions, withExplanation: true, ct);
        await using var state = connection.CreateCommand();
        state.CommandText = "SELECT state FROM refund_cases WHERE uscc = @uscc AND program_year = @program_year";
        state.With("@uscc", uscc).With("@program_year", programYear);
        var stored = await state.ExecuteScalarAsync(ct) as string;
        return new RefundDecisionHistory(all.FirstOrDefault(), stored is null ? null : RefundStates.FromStored(stored), all.Skip(1).ToList());
    }

    public async Task<(IReadOnlyList<RefundDecisionView> Page, string Next)> ListAsync(int programYear, string outcome, string division, int pageSize,
        string after, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DecisionColumns} FROM refund_decisions WHERE program_year = @program_year AND is_current = TRUE AND uscc > @after"
            + (outcome.Length > 0 ? " AND outcome = @outcome" : "") + (division.Length > 0 ? " AND division_code = @division_code" : "")
            + " ORDER BY uscc LIMIT " + (pageSize + 1).ToString(CultureInfo.InvariantCulture);
        command.With("@program_year", programYear).With("@after", after);
        if (outcome.Length > 0)
        {
            command.With("@outcome", outcome);
        }
        if (division.Length > 0)
        {
            command.With("@division_code", division);
        }
        var page = await ReadDecisionsAsync(command, withExplanation: false, ct);
        var next = page.Count > pageSize ? page[pageSize - 1].Uscc : "";
        return (page.Take(pageSize).ToList(), next);
    }

    /// <summary>
    /// A run's amounts from the decisions it took: ELIGIBLE of a unit that is not labour-dispatch → offered; ELIGIBLE of a
    /// labour-dispatch unit → awaiting application (2.(1): never offered automatically); HELD → the amount it is held
    /// for (<see cref="HeldAmountFen"/>).
    /// </summary>
    public async Task<RunAmounts> AmountsAsync(string runId, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT outcome, labour_dispatch, amount_fen, rate, base_fen FROM refund_decisions "
            + "WHERE run_id = @run_id AND outcome IN (@eligible, @held)";
        command.With("@run_id", runId).With("@eligible", RuleOutcomes.Upper<RefundOutcome>(RefundOutcome.Eligible))
            .With("@held", RuleOutcomes.Upper<RefundOutcome>(RefundOutcome.Held));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var (offered, held, awaiting) = (0L, 0L, 0L);
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetString(0) == RuleOutcomes.Upper<RefundOutcome>(RefundOutcome.Held))
            {
                held += HeldAmountFen(reader.GetString(3), reader.GetInt64(4));
            }
            else if (reader.GetBoolean(1))
            {
                awaiting += reader.GetInt64(2);
            }
            else
            {
                offered += reader.GetInt64(2);
            }
        }
        return new RunAmounts(offered, held, awaiting);
    }

    /// <summary>What a HELD decision is held for: rate × base, half-up (1.(2), as the amount rule computes it); 0 without a rate.</summary>
    public static long HeldAmountFen(string rate, long baseFen) =>
        decimal.TryParse(rate, NumberStyles.Number, CultureInfo.InvariantCulture, out var r) ? Money.ApplyRate(baseFen, r) : 0;

    private static async Task<List<RefundDecisionView>> ReadDecisionsAsync(DbCommand command, bool withExplanation, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<RefundDecisionView>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new RefundDecisionView(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetString(5), reader.GetInt64(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
                reader.GetString(11), reader.GetString(12), reader.GetInt64(13), reader.GetString(15), reader.GetString(16),
                reader.GetFieldValue<DateOnly>(17), reader.GetInt64(18), withExplanation ? reader.GetString(14) : null));
        }
        return list;
    }
}

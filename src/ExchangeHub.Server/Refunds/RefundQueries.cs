using System.Data.Common;
using System.Globalization;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Refunds;

/// <summary>Read side of refund decisions and cases for the gRPC service and the CLI; returns records (<see cref="RefundContract"/> maps them).</summary>
public sealed class RefundQueries(HubDatabase database)
{
    private const string DecisionColumns =
        "id, uscc, program_year, outcome, amount_fen, rate, base_fen, size_class, size_class_source, division_code, policy_id, "
        + "policy_version, facts_sha256, decided_at_unix_ms, explanation, supersede_reason, run_id";

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

    private static async Task<List<RefundDecisionView>> ReadDecisionsAsync(DbCommand command, bool withExplanation, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<RefundDecisionView>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new RefundDecisionView(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetString(5), reader.GetInt64(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
                reader.GetString(11), reader.GetString(12), reader.GetInt64(13), reader.GetString(15), reader.GetString(16),
                withExplanation ? reader.GetString(14) : null));
        }
        return list;
    }
}

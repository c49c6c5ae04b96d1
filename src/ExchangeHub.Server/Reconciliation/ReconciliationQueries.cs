using System.Globalization;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>Read side of runs and their exceptions for the gRPC service and the CLI; returns records (<see cref="ReconciliationContract"/> maps them).</summary>
public sealed class ReconciliationQueries(HubDatabase database, IRunAmounts amounts)
{
    public async Task<ReconciliationRunView?> RunAsync(string runId, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, program_year, status, requested_by, started_at_unix_ms, completed_at_unix_ms, units, decided, unchanged, "
            + "eligible, ineligible, held, undetermined, exceptions, amount_fen, policy_id, policy_version, error, decision_date FROM reconciliation_runs WHERE id = @id";
        command.With("@id", runId);
        ReconciliationRunView? run;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }
            run = new ReconciliationRunView(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(18) ? null : reader.GetFieldValue<DateOnly>(18),
                reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetInt32(6),
                reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12),
                reader.GetInt32(13), reader.GetInt64(14), reader.GetString(15), reader.GetString(16), reader.GetString(17), RunAmounts.None);
        }
        return run with { Amounts = await amounts.AmountsAsync(runId, ct) };
    }

    public async Task<(IReadOnlyList<ReconciliationExceptionView> Page, string Next)> ExceptionsAsync(string runId, string code, string subject,
        int pageSize, long after, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, run_id, code, subject_key, period, detail FROM reconciliation_exceptions WHERE id > @after"
            + (runId.Length > 0 ? " AND run_id = @run_id" : "") + (code.Length > 0 ? " AND code = @code" : "")
            + (subject.Length > 0 ? " AND subject_key = @subject_key" : "")
            + " ORDER BY id LIMIT " + (pageSize + 1).ToString(CultureInfo.InvariantCulture);
        command.With("@after", after);
        foreach (var (name, value) in new[] { ("@run_id", runId), ("@code", code), ("@subject_key", subject) }.Where(f => f.Item2.Length > 0))
        {
            command.With(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var page = new List<ReconciliationExceptionView>();
        while (await reader.ReadAsync(ct))
        {
            page.Add(new ReconciliationExceptionView(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetString(5)));
        }
        var next = page.Count > pageSize ? PageTokens.Encode(page[pageSize - 1].Id.ToString(CultureInfo.InvariantCulture)) : "";
        return (page.Take(pageSize).ToList(), next);
    }
}

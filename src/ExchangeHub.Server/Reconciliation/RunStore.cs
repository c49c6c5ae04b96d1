using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>
/// Writes the run rows (<c>reconciliation_runs</c>) and the exceptions a run found, each statement with named, typed
/// parameters. A run's start, failure and interruption are committed on their own; its completion goes in the caller's
/// transaction with the <c>ReconciliationCompleted</c> event.
/// </summary>
public sealed class RunStore(HubDatabase database, TimeProvider clock)
{
    private const string Interrupted =
        "the hub stopped during the run; decisions of the chunks committed before stand, the next run decides the rest";

    public Task InsertAsync(ReconciliationRunRow run, CancellationToken ct) => CommitAsync(lease => lease.Command(
            "INSERT INTO reconciliation_runs (id, program_year, decision_date, requested_by, status, started_at_unix_ms, units, decided, unchanged, eligible, "
            + "ineligible, held, undetermined, exceptions, amount_fen, policy_id, policy_version, error) "
            + "VALUES (@id, @program_year, @decision_date, @requested_by, @status, @started_at_unix_ms, 0, 0, 0, 0, 0, 0, 0, 0, 0, @policy_id, @policy_version, '')", 0)
        .With("@id", run.Id).With("@program_year", run.ProgramYear).With("@decision_date", run.DecisionDate).With("@requested_by", run.RequestedBy).With("@status", run.Status)
        .With("@started_at_unix_ms", run.StartedAtUnixMs).With("@policy_id", run.PolicyId).With("@policy_version", run.PolicyVersion)
        .ExecuteNonQueryAsync(ct), ct);

    public Task UpdateAsync(ReconciliationRunRow run, CancellationToken ct) => CommitAsync(lease => UpdateAsync(lease, run, ct), ct);

    /// <summary>Marks RUNNING runs FAILED; only while holding the run mutex, when no run can be live.</summary>
    public Task MarkInterruptedAsync(CancellationToken ct) => CommitAsync(lease => lease.Command(
            "UPDATE reconciliation_runs SET status = @failed, error = @error, completed_at_unix_ms = @completed_at_unix_ms WHERE status = @running", 0)
        .With("@failed", StoredRunStatus.Failed).With("@error", Interrupted)
        .With("@completed_at_unix_ms", clock.GetUtcNow().ToUnixTimeMilliseconds()).With("@running", StoredRunStatus.Running)
        .ExecuteNonQueryAsync(ct), ct);

    /// <summary>Whether a run is RUNNING on this hub or another replica (a follow-up round then waits for it: runs take precedence).</summary>
    public async Task<bool> AnyRunningAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM reconciliation_runs WHERE status = @running";
        command.With("@running", StoredRunStatus.Running);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Writes the run's status and counts in the caller's transaction.</summary>
    public static Task UpdateAsync(WriterLease lease, ReconciliationRunRow run, CancellationToken ct) => lease.Command(
            "UPDATE reconciliation_runs SET status = @status, completed_at_unix_ms = @completed_at_unix_ms, units = @units, decided = @decided, "
            + "unchanged = @unchanged, eligible = @eligible, ineligible = @ineligible, held = @held, undetermined = @undetermined, "
            + "exceptions = @exceptions, amount_fen = @amount_fen, error = @error WHERE id = @id", 0)
        .With("@id", run.Id).With("@status", run.Status).With("@completed_at_unix_ms", run.CompletedAtUnixMs).With("@units", run.Units)
        .With("@decided", run.Decided).With("@unchanged", run.Unchanged).With("@eligible", run.Eligible).With("@ineligible", run.Ineligible)
        .With("@held", run.Held).With("@undetermined", run.Undetermined).With("@exceptions", run.Exceptions).With("@amount_fen", run.AmountFen)
        .With("@error", run.Error)
        .ExecuteNonQueryAsync(ct);

    /// <summary>Writes the exceptions a run found in the caller's transaction, one prepared statement re-bound per row.</summary>
    public static async Task InsertExceptionsAsync(WriterLease lease, string runId, IEnumerable<ReconciliationMismatch> found, long createdAtUnixMs,
        CancellationToken ct)
    {
        foreach (var x in found)
        {
            await lease.Command(
                    "INSERT INTO reconciliation_exceptions (run_id, code, subject_key, period, detail, created_at_unix_ms) "
                    + "VALUES (@run_id, @code, @subject_key, @period, @detail, @created_at_unix_ms)", 0)
                .With("@run_id", runId).With("@code", x.Code).With("@subject_key", x.SubjectKey).With("@period", x.Period)
                .With("@detail", x.Detail).With("@created_at_unix_ms", createdAtUnixMs)
                .ExecuteNonQueryAsync(ct);
        }
    }

    private async Task CommitAsync(Func<WriterLease, Task> write, CancellationToken ct)
    {
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await write(lease);
        await lease.CommitAsync(ct);
    }
}

using System.Globalization;
using ExchangeHub.Policy;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Common.Followups;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Storage;

using ExchangeHub.Server.Telemetry;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>
/// Decisions follow the data (issue 14, item 3): takes the due marks a feed batch left (<see cref="FollowupMarks"/>)
/// and re-decides those units through the same path as a run's chunk (<see cref="ChunkTransaction"/> and
/// <see cref="IRunProgramme.DecideChunkAsync"/>, or <see cref="IRunProgramme.SettleChunkAsync"/> once the year's window
/// has ended: 2.(1) 多退少补), dated today with the knowledge of the round's start (D and T, "FACTS"); the marks are
/// deleted in the transaction that stores the re-decisions. A round's decisions carry the run id <c>follow-…</c> (no
/// run row, as a front-office application's: ListReconciliationRuns lists full runs only; replay reads the stored D
/// and T of each decision). One replica at a time (a <see cref="ClusterMutex"/>), and never while a full run is in
/// progress: the run takes precedence and its marks wait for the next round after it.
/// </summary>
public sealed class FollowupService(
    HubDatabase database,
    FollowupMarks marks,
    StoredFactsReader factsReader,
    IRunProgramme programme,
    ChunkTransaction chunks,
    RunStore runs,
    HubMetrics metrics,
    TimeProvider clock,
    ILogger<FollowupService> logger) : FollowupLoop(marks, clock, logger)
{
    private readonly ClusterMutex _oneReplica = new(database, "decision-followups");

    /// <summary>One round: the due marks (at most <see cref="FollowupLoop.SubjectsPerRound"/>) re-decided; returns how many marks it took.</summary>
    public override async Task<int> RoundAsync(CancellationToken ct)
    {
        await using var held = await _oneReplica.TryEnterAsync(ct);
        if (held is null || await runs.AnyRunningAsync(ct))
        {
            return 0;
        }
        var now = Clock.GetUtcNow();
        var today = Clock.ChinaToday();
        var scope = ScopeAt(today);
        var due = await DueAsync(now.ToUnixTimeMilliseconds(), scope?.ProgramYear ?? 0, ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var runId = NewRoundId();
        var asOf = new FactsAsOf(today, now.ToUnixTimeMilliseconds());
        // Only units decided in the year in scope are re-decided; a mark of another year's unit is just cleared.
        var decided = due.Where(d => d.Decided).Select(d => d.Subject).Order(StringComparer.Ordinal).ToList();
        var chunk = scope is { SettlementOnly: false } && decided.Count > 0 ? await factsReader.ReadUnitsAsync(decided, asOf, ct) : null;
        var subjects = due.Select(d => d.Subject).Order(StringComparer.Ordinal).ToList();
        var outcomes = await chunks.RunAsync(subjects, async lease =>
        {
            IReadOnlyList<RunUnitOutcome> result = scope is null || decided.Count == 0 ? []
                : chunk is not null ? await programme.DecideChunkAsync(lease, runId, scope.ProgramYear, chunk, asOf, ct)
                : await programme.SettleChunkAsync(lease, runId, scope.ProgramYear, decided, asOf.KnowledgeTimeUnixMs, ct);
            foreach (var mark in due)
            {
                await lease.ExecuteDeferredAsync(FollowupMarks.DeleteSql, [FollowupMarks.Refund, mark.Subject, mark.DueUnixMs], ct);
            }
            return result;
        }, ct);
        // Metered as a run of the programme with status "followup": its duration and its units by outcome.
        metrics.Run(ReconciliationRunner.Programme, "followup", System.Diagnostics.Stopwatch.GetElapsedTime(started),
            outcomes.GroupBy(o => o.Outcome is { } outcome ? Telemetry.HubMetrics.OutcomeLabel(outcome) : Telemetry.HubMetrics.Unchanged)
                .Select(g => new KeyValuePair<string, int>(g.Key, g.Count())));
        if (Logger.IsEnabled(LogLevel.Information))
        {
            var oldest = now.ToUnixTimeMilliseconds() - due.Min(d => d.FirstMarkedUnixMs);
            Logger.LogInformation("Follow-up {RunId}: {Marks} marks, {Units} units re-decided ({Changed} changed) for {ProgramYear}{Settlement}, oldest mark waited {WaitedMs} ms",
                runId, due.Count, outcomes.Count, outcomes.Count(o => o.Outcome is not null), scope?.ProgramYear ?? 0,
                scope is { SettlementOnly: true } ? " (settlement)" : "", oldest);
        }
        return due.Count;
    }

    /// <summary>The year a decision dated today re-decides (settlement-only after its window); null when none is open or ended.</summary>
    private RunScope? ScopeAt(DateOnly today)
    {
        try
        {
            return programme.ScopeAt(today, 0);
        }
        catch (ActionRefusedException)
        {
            return null;
        }
    }

    private async Task<List<DueUnit>> DueAsync(long nowUnixMs, int programYear, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = FollowupMarks.DueSql;
        command.With("@programme", FollowupMarks.Refund).With("@now", nowUnixMs).With("@limit", SubjectsPerRound).With("@year", programYear);
        var due = new List<DueUnit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            due.Add(new DueUnit(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) != 0));
        }
        return due;
    }

    private sealed record DueUnit(string Subject, long DueUnixMs, long FirstMarkedUnixMs, bool Decided);

    public override void Dispose()
    {
        _oneReplica.Dispose();
        base.Dispose();
    }
}

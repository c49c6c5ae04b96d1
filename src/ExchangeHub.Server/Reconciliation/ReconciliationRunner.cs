using ExchangeHub.Contracts;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Telemetry;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>
/// A reconciliation run: read the units' facts from the stored feeds as of the decision date D and the run's start T
/// ("FACTS"), a chunk of units at a time (memory holds one chunk), have the programme (<see cref="IRunProgramme"/>)
/// decide each chunk — one transaction per chunk, under the programme's gate and the chunk's subject
/// locks, so a decision never exists without its events — record the exceptions, and close the run with a
/// <see cref="ReconciliationCompleted"/> event. Re-running on unchanged facts changes nothing. A run dated after the
/// programme's end is settlement-only (2.(1) "Decision (settlement)"): it reads no feed chunk and finds no exceptions,
/// only the year's approved refunds, each re-decided by the programme at its own frozen decision date with the run's T.
/// </summary>
public sealed class ReconciliationRunner(
    HubDatabase database,
    StoredFactsReader factsReader,
    ExceptionDetector exceptions,
    IRunProgramme programme,
    ChunkTransaction chunks,
    RunStore runs,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    PolicySet policy,
    IRunAmounts amounts,
    HubMetrics metrics,
    TimeProvider clock,
    ILogger<ReconciliationRunner> logger) : IDisposable
{
    private const int UnitsPerTransaction = 500;
    /// <summary>The programme label of the run metrics: a run decides the refund programme (1.(1)–2.(1)).</summary>
    /// <summary>The programme label of the run meters (runs and follow-up rounds decide refunds).</summary>
    internal const string Programme = "refund";
    private readonly ClusterMutex _oneAtATime = new(database, "reconciliation");

    public async Task<ReconciliationRunRow> RunAsync(DateOnly decisionDate, int programYear, string requestedBy, IProgress<RunProgress>? progress,
        CancellationToken ct)
    {
        var scope = programme.ScopeAt(decisionDate, programYear);
        // A child of the call that started the run (RunReconciliation's request span): the link from the operator's call
        // to every event the run's chunks write (each outbox row stores its chunk's trace context).
        using var activity = HubTelemetry.Source.StartActivity("reconciliation run");
        activity?.SetTag("exchangehub.program_year", scope.ProgramYear);
        activity?.SetTag("exchangehub.decision_date", decisionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var held = await _oneAtATime.TryEnterAsync(ct)
            ?? throw new ActionRefusedException("a reconciliation run is already in progress on this hub or another replica; wait for it to finish", ErrorReasons.RunInProgress);
        try
        {
            // No run is live anywhere now: one left RUNNING was interrupted (its hub stopped or was killed).
            await runs.MarkInterruptedAsync(ct);
            var run = new ReconciliationRunRow
            {
                Id = Guid.NewGuid().ToString("D"), ProgramYear = scope.ProgramYear, DecisionDate = decisionDate, RequestedBy = requestedBy, Status = StoredRunStatus.Running,
                StartedAtUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds(), PolicyId = policy.Id, PolicyVersion = PolicyVersion,
            };
            await runs.InsertAsync(run, ct);
            activity?.SetTag("exchangehub.run_id", run.Id);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                if (scope.SettlementOnly)
                {
                    await SettleAsync(run, progress, ct);
                }
                else
                {
                    await ExecuteAsync(run, decisionDate, progress, ct);
                }
                metrics.Run(Programme, "completed", System.Diagnostics.Stopwatch.GetElapsedTime(started), Outcomes(run));
                activity?.SetTag("exchangehub.units", run.Units);
                return run;
            }
            catch (Exception ex)
            {
                metrics.Run(Programme, "failed", System.Diagnostics.Stopwatch.GetElapsedTime(started), Outcomes(run));
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
                run.Status = StoredRunStatus.Failed;
                run.Error = ex is OperationCanceledException ? "cancelled by the caller; the chunks committed before stand" : ex.Message;
                run.CompletedAtUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
                await runs.UpdateAsync(run, CancellationToken.None);
                throw;
            }
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    private string PolicyVersion => policy.Stamp();

    private async Task ExecuteAsync(ReconciliationRunRow run, DateOnly decisionDate, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        // Knowledge time T = the run's start: a version recorded later (during the run, or after it) never counts.
        var asOf = new FactsAsOf(decisionDate, run.StartedAtUnixMs);
        // The rate check (1.(1)) scans the contribution lines on its own reader connection while the facts are read
        // and the units decided: on two cores the second scan costs almost nothing.
        var rateMismatches = Task.Run(() => exceptions.RateMismatchesAsync(asOf, ct), ct);
        var found = new List<ReconciliationMismatch>();
        var total = await factsReader.KnownUnitsAsync(ct);
        progress?.Report(new RunProgress(run.Id, 0, total));

        await foreach (var chunk in factsReader.ReadChunksAsync(asOf, UnitsPerTransaction, ct))
        {
            using (HubTelemetry.Source.StartActivity("reconciliation chunk")?.SetTag("exchangehub.units", chunk.Subjects.Count))
            foreach (var decided in await chunks.RunAsync(chunk.Subjects, lease => programme.DecideChunkAsync(lease, run.Id, run.ProgramYear, chunk, asOf, ct), ct))
            {
                Count(run, decided);
            }
            foreach (var uscc in chunk.Subjects)
            {
                found.AddRange(UnitExceptions(uscc, chunk, decisionDate));
            }
            run.Units += chunk.Subjects.Count;
            progress?.Report(new RunProgress(run.Id, run.Units, Math.Max(total, run.Units)));
        }

        found.AddRange(await rateMismatches);
        await CompleteAsync(run, found, ct);
    }

    /// <summary>
    /// One unit's reconciliation exceptions; a check that throws on this unit's facts is itself an exception of the
    /// unit (<see cref="ExceptionCodes.UnitCheckFailed"/>), logged, and the run goes on (issue 13).
    /// </summary>
    private List<ReconciliationMismatch> UnitExceptions(string uscc, StoredFacts chunk, DateOnly decisionDate)
    {
        try
        {
            return exceptions.ForUnit(uscc, chunk, decisionDate).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Checking unit {Uscc} for reconciliation exceptions failed", uscc);
            return [new(ExceptionCodes.UnitCheckFailed, uscc, null, $"the unit's checks could not be computed ({ex.GetType().Name})")];
        }
    }

    /// <summary>A settlement-only run: the year's approved units, a chunk at a time, each settled at its frozen decision date.</summary>
    private async Task SettleAsync(ReconciliationRunRow run, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var units = await programme.SettlementUnitsAsync(run.ProgramYear, ct);
        progress?.Report(new RunProgress(run.Id, 0, units.Count));
        foreach (var chunk in units.Chunk(UnitsPerTransaction))
        {
            using (HubTelemetry.Source.StartActivity("reconciliation chunk")?.SetTag("exchangehub.units", chunk.Length))
            foreach (var decided in await chunks.RunAsync(chunk, lease => programme.SettleChunkAsync(lease, run.Id, run.ProgramYear, chunk, run.StartedAtUnixMs, ct), ct))
            {
                Count(run, decided);
            }
            run.Units += chunk.Length;
            progress?.Report(new RunProgress(run.Id, run.Units, units.Count));
        }
        await CompleteAsync(run, [], ct);
    }

    /// <summary>The run's units by outcome, for the decisions counter (the same split as the run's reply).</summary>
    private static KeyValuePair<string, int>[] Outcomes(ReconciliationRunRow run) =>
    [
        new(HubMetrics.OutcomeLabel(RefundOutcome.Eligible), run.Eligible), new(HubMetrics.OutcomeLabel(RefundOutcome.Ineligible), run.Ineligible),
        new(HubMetrics.OutcomeLabel(RefundOutcome.Held), run.Held), new(HubMetrics.OutcomeLabel(RefundOutcome.Undetermined), run.Undetermined),
        new(HubMetrics.Unchanged, run.Unchanged),
    ];

    private static void Count(ReconciliationRunRow run, RunUnitOutcome decided)
    {
        if (decided.Outcome is not { } outcome)
        {
            run.Unchanged++;
            return;
        }
        run.Decided++;
        run.AmountFen += decided.AmountFen;
        switch (outcome)
        {
            case RefundOutcome.Eligible: run.Eligible++; break;
            case RefundOutcome.Ineligible: run.Ineligible++; break;
            case RefundOutcome.Held: run.Held++; break;
            default: run.Undetermined++; break;
        }
    }

    private async Task CompleteAsync(ReconciliationRunRow run, List<ReconciliationMismatch> found, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        run.Status = StoredRunStatus.Completed;
        run.CompletedAtUnixMs = now.ToUnixTimeMilliseconds();
        run.Exceptions = found.Count;
        // The run's decisions are committed chunk by chunk before this point: the event splits their amounts as the
        // run's reply does (offered / held / awaiting application, issue 13).
        var split = await amounts.AmountsAsync(run.Id, ct);
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await RunStore.InsertExceptionsAsync(lease, run.Id, found, run.CompletedAtUnixMs.Value, ct);
        await RunStore.UpdateAsync(lease, run, ct);
        await outbox.EnqueueAsync(lease, new ReconciliationCompleted
        {
            EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policy.Id, PolicyVersion = PolicyVersion, SubjectKey = run.Id,
            CorrelationId = run.Id, ProgramYear = run.ProgramYear, Units = run.Units, Decided = run.Decided, Unchanged = run.Unchanged,
            Outcomes = new Dictionary<string, int>
            {
                ["ELIGIBLE"] = run.Eligible, ["INELIGIBLE"] = run.Ineligible, ["HELD"] = run.Held, ["UNDETERMINED"] = run.Undetermined,
            },
            Exceptions = found.GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.Count()),
            OfferedAmountFen = split.OfferedFen, HeldAmountFen = split.HeldFen, AwaitingApplicationAmountFen = split.AwaitingApplicationFen,
        }, ct);
        await lease.CommitAsync(ct);
        outboxSignal.Notify();
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Reconciliation {RunId} for {ProgramYear}: {Units} units, {Decided} decided, {Unchanged} unchanged, {Exceptions} exceptions",
                run.Id, run.ProgramYear, run.Units, run.Decided, run.Unchanged, run.Exceptions);
        }
    }

    /// <summary>
    /// At start: runs left RUNNING by a hub that stopped (or was killed) are marked FAILED — unless a run is live on
    /// another replica (it holds the run mutex; the next run started anywhere marks them). Their committed chunks stand
    /// with their events; the next run decides the rest.
    /// </summary>
    public async Task AbandonInterruptedRunsAsync(CancellationToken ct)
    {
        if (await _oneAtATime.TryEnterAsync(ct) is { } held)
        {
            await using (held)
            {
                await runs.MarkInterruptedAsync(ct);
            }
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

}

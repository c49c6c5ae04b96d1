using System.Globalization;
using System.Text.Json;
using ExchangeHub.Contracts;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>
/// A reconciliation run: read every unit's facts from the stored feeds, decide each under the policy, store the
/// decisions that are new or changed together with their workflow step and events (one transaction per chunk of
/// units, so a decision never exists without its events), record the exceptions, and close the run with a
/// <see cref="ReconciliationCompleted"/> event. Re-running on unchanged facts changes nothing.
/// </summary>
public sealed class ReconciliationRunner(
    HubDatabase database,
    StoredFactsReader factsReader,
    ExceptionDetector exceptions,
    RefundStore store,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    WorkflowGate workflow,
    PolicySet policy,
    TimeProvider clock,
    ILogger<ReconciliationRunner> logger) : IDisposable
{
    private const int UnitsPerTransaction = 500;
    private readonly RefundDecider _decider = new(policy);
    private readonly ClusterMutex _oneAtATime = new(database, "reconciliation");

    /// <summary>The program year whose refund window contains <paramref name="decisionDate"/>.</summary>
    public int ProgramYearAt(DateOnly decisionDate) => policy.Refund.Window.At(decisionDate)?.Value.ProgramYear
        ?? throw new ActionRefusedException($"no refund programme of policy {policy.Id} is open on {decisionDate:yyyy-MM-dd}");

    public async Task<ReconciliationRunRow> RunAsync(DateOnly decisionDate, string requestedBy, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var programYear = ProgramYearAt(decisionDate);
        var held = await _oneAtATime.TryEnterAsync(ct)
            ?? throw new ActionRefusedException("a reconciliation run is already in progress on this hub or another replica; wait for it to finish");
        try
        {
            // No run is live anywhere now: one left RUNNING was interrupted (its hub stopped or was killed).
            await MarkInterruptedRunsAsync(ct);
            var run = new ReconciliationRunRow
            {
                Id = Guid.NewGuid().ToString("D"), ProgramYear = programYear, RequestedBy = requestedBy, Status = "RUNNING",
                StartedAtUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds(), PolicyId = policy.Id, PolicyVersion = PolicyVersion,
            };
            await SaveRunAsync(run, insert: true, ct);
            try
            {
                await ExecuteAsync(run, decisionDate, progress, ct);
                return run;
            }
            catch (Exception ex)
            {
                run.Status = "FAILED";
                run.Error = ex is OperationCanceledException ? "cancelled by the caller; the chunks committed before stand" : ex.Message;
                run.CompletedAtUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
                await SaveRunAsync(run, insert: false, CancellationToken.None);
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
        // The rate check (1.(1)) scans the contribution lines on its own reader connection while the facts are read
        // and the units decided: on two cores the second scan costs almost nothing.
        var rateMismatches = Task.Run(() => exceptions.RateMismatchesAsync(ct), ct);
        var stored = await factsReader.ReadAsync(ct);
        var subjects = stored.Subjects.ToList();
        var found = new List<ReconciliationMismatch>();
        var today = Today;
        run.Units = subjects.Count;
        progress?.Report(new RunProgress(run.Id, 0, subjects.Count));

        for (var start = 0; start < subjects.Count; start += UnitsPerTransaction)
        {
            var chunk = subjects.Skip(start).Take(UnitsPerTransaction).ToList();
            using (await workflow.EnterAsync(ct))
            await using (var lease = await database.AcquireWriterAsync(ct))
            {
                // Read under the gate and the chunk's subject leases (other replicas' steps on these units wait): a
                // confirmation or application between chunks is seen, never overwritten.
                await lease.BeginAsync(ct);
                await lease.LockAsync(LockScope.Subject, chunk, ct);
                var current = await store.CurrentDecisionsAsync(run.ProgramYear, chunk, ct);
                var cases = await store.CasesAsync(run.ProgramYear, chunk, ct);
                foreach (var uscc in chunk)
                {
                    var facts = RefundFactsBuilder.Build(uscc, stored);
                    var decided = await DecideAsync(lease, run, facts, current.GetValueOrDefault(uscc), cases.GetValueOrDefault(uscc),
                        stored.Units.GetValueOrDefault(uscc), decisionDate, today, applied: false, ct);
                    Count(run, decided);
                    found.AddRange(exceptions.ForUnit(uscc, stored, decisionDate));
                }
                await lease.CommitAsync(ct);
            }
            outboxSignal.Notify();
            progress?.Report(new RunProgress(run.Id, Math.Min(start + UnitsPerTransaction, subjects.Count), subjects.Count));
        }

        found.AddRange(await rateMismatches);
        await CompleteAsync(run, found, ct);
    }

    /// <summary>
    /// Decides one unit now (the front office's "apply", or a re-decision) with the same rules as a run, inside its own
    /// transaction. Returns the unit's case afterwards.
    /// </summary>
    public async Task<RefundCase> DecideOneAsync(string uscc, DateOnly decisionDate, bool applied, string requestedBy, CancellationToken ct)
    {
        var programYear = ProgramYearAt(decisionDate);
        var stored = await factsReader.ReadAsync(ct);
        if (!stored.Units.ContainsKey(uscc) && !stored.Months.ContainsKey(uscc))
        {
            throw new ActionRefusedException($"no feed has reported unit {uscc}");
        }
        using var entered = await workflow.EnterAsync(ct);
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await lease.LockAsync(LockScope.Subject, [uscc], ct);
        var current = await store.CurrentDecisionsAsync(programYear, [uscc], ct);
        var cases = await store.CasesAsync(programYear, [uscc], ct);
        var run = new ReconciliationRunRow { Id = Guid.NewGuid().ToString("D"), ProgramYear = programYear, RequestedBy = requestedBy };
        var decided = await DecideAsync(lease, run, RefundFactsBuilder.Build(uscc, stored), current.GetValueOrDefault(uscc),
            cases.GetValueOrDefault(uscc), stored.Units.GetValueOrDefault(uscc), decisionDate, Today, applied, ct);
        await lease.CommitAsync(ct);
        outboxSignal.Notify();
        return decided.Case ?? cases[uscc];
    }

    private sealed record Decided(RefundOutcome? Outcome, long AmountFen, RefundCase? Case);

    private async Task<Decided> DecideAsync(WriterLease lease, ReconciliationRunRow run, RefundFacts facts, StoredDecision? previous,
        RefundCase? currentCase, UnitSnapshot? unit, DateOnly decisionDate, DateOnly today, bool applied, CancellationToken ct)
    {
        var decision = _decider.Decide(facts, decisionDate);
        var factsJson = RefundFactsJson.Serialize(facts);
        var factsSha = CanonicalJson.Sha256(factsJson);
        var outcome = RuleOutcomes.Upper<RefundOutcome>(decision.Outcome);
        if (previous is not null && previous.FactsSha256 == factsSha && previous.PolicyVersion == PolicyVersion
            && previous.Outcome == outcome && previous.AmountFen == decision.AmountFen && !applied)
        {
            return new Decided(null, 0, currentCase);
        }

        var reason = previous is null ? "" : SupersedeReason(previous, factsJson, outcome, decision.AmountFen, decisionDate);
        var now = clock.GetUtcNow();
        var decisionId = await RefundStore.InsertDecisionAsync(lease, new RefundDecisionRow
        {
            Uscc = facts.Uscc, ProgramYear = run.ProgramYear, RunId = run.Id, Outcome = outcome, AmountFen = decision.AmountFen,
            Rate = RuleOutcomes.Rate(decision.Rate), BaseFen = decision.BaseFen ?? 0, SizeClass = RuleOutcomes.Upper(decision.SizeClass),
            SizeClassSource = RuleOutcomes.Upper(decision.SizeClassSource), DivisionCode = unit?.DivisionCode ?? "",
            LabourDispatch = unit?.LabourDispatch ?? false, PolicyId = policy.Id, PolicyVersion = PolicyVersion, FactsSha256 = factsSha,
            Facts = factsJson, Explanation = JsonSerializer.Serialize(RuleOutcomes.Of(decision.Explanation), EventTypes.Json),
            DecidedAtUnixMs = now.ToUnixTimeMilliseconds(), SupersedesId = previous?.Id, SupersedeReason = reason,
        }, ct);

        var step = RefundWorkflow.Decide(currentCase, decision with { ProgramYear = run.ProgramYear }, decisionId, today, applied);
        foreach (var e in RefundEvents.For(step, decision, decisionId, previous?.Id, reason, currentCase?.AmountFen ?? 0, run.Id, now))
        {
            await outbox.EnqueueAsync(lease, e, ct);
        }
        await RefundStore.SaveCaseAsync(lease, step.Case, now.ToUnixTimeMilliseconds(), ct);
        return new Decided(decision.Outcome, decision.Outcome is RefundOutcome.Eligible or RefundOutcome.Held
            ? decision.AmountFen : 0, step.Case);
    }

    private string SupersedeReason(StoredDecision previous, string factsJson, string outcome, long amountFen, DateOnly decisionDate)
    {
        var parts = new List<string>();
        var facts = RefundFactsJson.Describe(previous.Facts, factsJson);
        if (facts.Length > 0)
        {
            parts.Add("facts changed: " + facts);
        }
        if (previous.PolicyVersion != PolicyVersion)
        {
            parts.Add($"policy changed: {previous.PolicyVersion} → {PolicyVersion}");
        }
        if (parts.Count == 0)
        {
            parts.Add($"decided again on {decisionDate:yyyy-MM-dd}");
        }
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"outcome {previous.Outcome} {previous.AmountFen} fen → {outcome} {amountFen} fen"));
        return string.Join("; ", parts);
    }

    private static void Count(ReconciliationRunRow run, Decided decided)
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
        run.Status = "COMPLETED";
        run.CompletedAtUnixMs = now.ToUnixTimeMilliseconds();
        run.Exceptions = found.Count;
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        var insert = lease.Command(
            "INSERT INTO reconciliation_exceptions (run_id, code, subject_key, period, detail, created_at_unix_ms) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);
        foreach (var x in found)
        {
            object?[] values = [run.Id, x.Code, x.SubjectKey, x.Period, x.Detail, run.CompletedAtUnixMs];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync(ct);
        }
        await UpdateRunAsync(lease, run, ct);
        await outbox.EnqueueAsync(lease, new ReconciliationCompleted
        {
            EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policy.Id, PolicyVersion = PolicyVersion, SubjectKey = run.Id,
            CorrelationId = run.Id, ProgramYear = run.ProgramYear, Units = run.Units, Decided = run.Decided, Unchanged = run.Unchanged,
            Outcomes = new Dictionary<string, int>
            {
                ["ELIGIBLE"] = run.Eligible, ["INELIGIBLE"] = run.Ineligible, ["HELD"] = run.Held, ["UNDETERMINED"] = run.Undetermined,
            },
            Exceptions = found.GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.Count()),
            AmountFen = run.AmountFen,
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
                await MarkInterruptedRunsAsync(ct);
            }
        }
    }

    /// <summary>Marks RUNNING runs FAILED; only while holding the run mutex, when no run can be live.</summary>
    private async Task MarkInterruptedRunsAsync(CancellationToken ct)
    {
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        var command = lease.Command("UPDATE reconciliation_runs SET status = 'FAILED', error = @p0, completed_at_unix_ms = @p1 WHERE status = 'RUNNING'", 2);
        command.Parameters[0].Value = "the hub stopped during the run; decisions of the chunks committed before stand, the next run decides the rest";
        command.Parameters[1].Value = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await command.ExecuteNonQueryAsync(ct);
        await lease.CommitAsync(ct);
    }

    private async Task SaveRunAsync(ReconciliationRunRow run, bool insert, CancellationToken ct)
    {
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        if (insert)
        {
            var command = lease.Command(
                "INSERT INTO reconciliation_runs (id, program_year, requested_by, status, started_at_unix_ms, units, decided, unchanged, eligible, "
                + "ineligible, held, undetermined, exceptions, amount_fen, policy_id, policy_version, error) "
                + "VALUES (@p0, @p1, @p2, @p3, @p4, 0, 0, 0, 0, 0, 0, 0, 0, 0, @p5, @p6, '')", 7);
            object?[] values = [run.Id, run.ProgramYear, run.RequestedBy, run.Status, run.StartedAtUnixMs, run.PolicyId, run.PolicyVersion];
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }
            await command.ExecuteNonQueryAsync(ct);
        }
        else
        {
            await UpdateRunAsync(lease, run, ct);
        }
        await lease.CommitAsync(ct);
    }

    private static async Task UpdateRunAsync(WriterLease lease, ReconciliationRunRow run, CancellationToken ct)
    {
        var command = lease.Command(
            "UPDATE reconciliation_runs SET status = @p1, completed_at_unix_ms = @p2, units = @p3, decided = @p4, unchanged = @p5, eligible = @p6, "
            + "ineligible = @p7, held = @p8, undetermined = @p9, exceptions = @p10, amount_fen = @p11, error = @p12 WHERE id = @p0", 13);
        object?[] values =
        [
            run.Id, run.Status, run.CompletedAtUnixMs, run.Units, run.Decided, run.Unchanged, run.Eligible, run.Ineligible, run.Held,
            run.Undetermined, run.Exceptions, run.AmountFen, run.Error,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    public void Dispose() => _oneAtATime.Dispose();

    private DateOnly Today => clock.ChinaToday();
}

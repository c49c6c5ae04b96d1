using System.Globalization;
using System.Text.Json;
using ExchangeHub.Contracts;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The refund decision of one unit (2.(1)): its facts decided under the policy, and when they, the policy or the
/// outcome changed, a new decision row with its workflow step, events and case, written in the caller's transaction so
/// a decision never exists without its events. A reconciliation run calls it a chunk at a time (as the
/// <see cref="IRunProgramme"/>); the front office's "apply" decides one unit as of the application's date.
/// A refund whose disbursement is approved is always decided as of its frozen decision date D, whatever the run's or
/// the application's date, and settled by <see cref="RefundAdjuster"/> (2.(1) "Decision (settlement)"): facts dated
/// after D are not in force on D, so they never change a disbursed refund.
/// </summary>
public sealed class RefundDecisions(
    HubDatabase database,
    StoredFactsReader factsReader,
    RefundStore store,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    WorkflowGate workflow,
    PolicySet policy,
    TimeProvider clock,
    ILogger<RefundDecisions> logger) : IRunProgramme
{
    private readonly RefundDecider _decider = new(policy);
    private readonly RefundAdjuster _adjuster = new(policy);

    /// <summary>Tests only: runs before a unit's rules, to prove that a unit whose decision throws does not stop a run.</summary>
    internal Action<RefundFacts>? BeforeDecide { get; set; }

    public RunScope ScopeAt(DateOnly decisionDate, int programYear)
    {
        var open = policy.Refund.Window.At(decisionDate);
        if (open is not null && (programYear == 0 || open.Value.ProgramYear == programYear))
        {
            return new RunScope(open.Value.ProgramYear, SettlementOnly: false);
        }
        // 2.(1) "Decision (settlement)": after a window's end a run only settles that year's approved refunds.
        var ended = programYear == 0
            ? policy.Refund.Window.Values.Where(v => v.To < decisionDate).MaxBy(v => v.To)
            : ProgrammeWindow.Of(policy, programYear) is { } asked && asked.To < decisionDate ? asked : null;
        return ended is not null
            ? new RunScope(ended.Value.ProgramYear, SettlementOnly: true)
            : throw new ActionRefusedException(programYear == 0
                ? $"no refund programme of policy {policy.Id} is open on {decisionDate:yyyy-MM-dd} or has ended by then"
                : $"the {programYear} refund programme of policy {policy.Id} is neither open nor ended on {decisionDate:yyyy-MM-dd}",
                ErrorReasons.RefundWindowClosed, new Dictionary<string, string> { ["decision_date"] = $"{decisionDate:yyyy-MM-dd}" });
    }

    public Task<IDisposable> EnterAsync(CancellationToken ct) => workflow.EnterAsync(ct);

    public Task<IReadOnlyList<string>> SettlementUnitsAsync(int programYear, CancellationToken ct) => store.ApprovedUnitsAsync(programYear, ct);

    public async Task<IReadOnlyList<RunUnitOutcome>> DecideChunkAsync(WriterLease lease, string runId, int programYear, StoredFacts chunk,
        FactsAsOf asOf, CancellationToken ct)
    {
        var units = chunk.Subjects;
        // Read under the gate and the chunk's subject leases (other replicas' steps on these units wait): a
        // confirmation or application between chunks is seen, never overwritten.
        var current = await store.CurrentDecisionsAsync(programYear, units, ct);
        var cases = await store.CasesAsync(programYear, units, ct);
        var outcomes = new List<RunUnitOutcome>(units.Count);
        var ids = new ChunkIds(lease, units.Count);
        foreach (var uscc in units)
        {
            var refundCase = cases.GetValueOrDefault(uscc);
            var decided = refundCase?.FrozenDecisionDate is not null
                ? await SettleAsync(lease, runId, programYear, refundCase, current.GetValueOrDefault(uscc), asOf.KnowledgeTimeUnixMs, ct)
                : await DecideAsync(lease, runId, programYear, RefundFactsBuilder.Build(uscc, chunk), current.GetValueOrDefault(uscc),
                    refundCase, chunk.Units.GetValueOrDefault(uscc), asOf, applied: false, ct, ids);
            outcomes.Add(decided.Outcome);
        }
        return outcomes;
    }

    public async Task<IReadOnlyList<RunUnitOutcome>> SettleChunkAsync(WriterLease lease, string runId, int programYear, IReadOnlyList<string> units,
        long knowledgeTimeUnixMs, CancellationToken ct)
    {
        var current = await store.CurrentDecisionsAsync(programYear, units, ct);
        var cases = await store.CasesAsync(programYear, units, ct);
        var outcomes = new List<RunUnitOutcome>(units.Count);
        foreach (var uscc in units)
        {
            outcomes.Add(cases.GetValueOrDefault(uscc) is { FrozenDecisionDate: not null } refundCase
                ? (await SettleAsync(lease, runId, programYear, refundCase, current.GetValueOrDefault(uscc), knowledgeTimeUnixMs, ct)).Outcome
                : new RunUnitOutcome(null, 0));
        }
        return outcomes;
    }

    /// <summary>
    /// Decides one unit now — the front office's "apply" (<paramref name="applied"/>), dated
    /// <paramref name="decisionDate"/> — with the same rules as a run, inside its own transaction, as of that date with
    /// the knowledge of now (T = when the call starts, "FACTS"). An approved refund is settled at its frozen date
    /// instead. Returns the unit's case afterwards.
    /// </summary>
    public async Task<RefundCase> DecideOneAsync(string uscc, int programYear, DateOnly decisionDate, bool applied, CancellationToken ct)
    {
        ProgrammeWindow.Check(policy, programYear, decisionDate, "application_date");
        var asOf = new FactsAsOf(decisionDate, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var stored = await factsReader.ReadOneAsync(uscc, asOf, ct);
        if (!stored.Units.ContainsKey(uscc) && !stored.Months.ContainsKey(uscc))
        {
            throw new ActionRefusedException($"no feed has reported unit {uscc} as of {decisionDate:yyyy-MM-dd}",
                ErrorReasons.UnitNotReported, new Dictionary<string, string> { ["uscc"] = uscc, ["decision_date"] = $"{decisionDate:yyyy-MM-dd}" });
        }
        using var entered = await workflow.EnterAsync(ct);
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await lease.LockAsync(LockScope.Subject, [uscc], ct);
        var current = await store.CurrentDecisionsAsync(programYear, [uscc], ct);
        var cases = await store.CasesAsync(programYear, [uscc], ct);
        var refundCase = cases.GetValueOrDefault(uscc);
        if (refundCase?.WaivedOn is { } waivedOn && refundCase.State == RefundState.Waived && decisionDate < waivedOn)
        {
            throw new FieldRefusedException("application_date", $"{decisionDate:yyyy-MM-dd} is before the unit waived the offer on {waivedOn:yyyy-MM-dd}");
        }
        // Outside a run: its own run id (no run row); its events carry the call's correlation id (IHubEvent.CorrelationId).
        var runId = Guid.NewGuid().ToString("D");
        var correlationId = CallCorrelation.Id();
        var decided = refundCase?.FrozenDecisionDate is not null
            ? await SettleAsync(lease, runId, programYear, refundCase, current.GetValueOrDefault(uscc), asOf.KnowledgeTimeUnixMs, ct, correlationId)
            : await DecideAsync(lease, runId, programYear, RefundFactsBuilder.Build(uscc, stored), current.GetValueOrDefault(uscc), refundCase,
                stored.Units.GetValueOrDefault(uscc), asOf, applied, ct, correlationId: correlationId);
        await lease.CommitAsync(ct);
        outboxSignal.Notify();
        return decided.Case ?? cases[uscc];
    }

    private sealed record Decided(RunUnitOutcome Outcome, RefundCase? Case);

    /// <summary>
    /// The unit's decision; an exception in its rules (pure computation, nothing written yet) makes this one unit
    /// UNDETERMINED with REFUND_DECISION_FAILED and is logged: a run never fails because of one unit (issue 13).
    /// </summary>
    private RefundDecision Decide(RefundFacts facts, DateOnly decisionDate)
    {
        try
        {
            BeforeDecide?.Invoke(facts);
            return _decider.Decide(facts, decisionDate);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Deciding the refund of unit {Uscc} as of {DecisionDate} failed; the unit is UNDETERMINED ({ReasonCode})",
                facts.Uscc, decisionDate, RefundReasonCodes.DecisionFailed);
            return _decider.Failed(facts, decisionDate, ex.GetType().Name);
        }
    }

    /// <summary>
    /// A run chunk's decision ids on PostgreSQL, reserved in one round trip when the first unit is decided, so the
    /// chunk's decisions go with its outbox rows and cases as deferred writes (<see cref="RefundStore.InsertDecisionAsync"/>):
    /// the run was 3.35× psql's GROUP BY with one <c>INSERT … RETURNING id</c> round trip per unit. Null on SQLite.
    /// </summary>
    private sealed class ChunkIds(WriterLease lease, int units)
    {
        private Queue<long>? _reserved;

        public async ValueTask<long?> NextAsync(CancellationToken ct)
        {
            _reserved ??= await RefundStore.ReserveDecisionIdsAsync(lease, units, ct); // none on SQLite
            return _reserved.Count > 0 ? _reserved.Dequeue() : null;
        }
    }

    /// <summary>Re-decides an approved refund at its frozen decision date with the knowledge of <paramref name="knowledgeTimeUnixMs"/>.</summary>
    private async Task<Decided> SettleAsync(WriterLease lease, string runId, int programYear, RefundCase approved, StoredDecision? previous,
        long knowledgeTimeUnixMs, CancellationToken ct, string? correlationId = null)
    {
        var asOf = new FactsAsOf(approved.FrozenDecisionDate!.Value, knowledgeTimeUnixMs);
        var facts = await factsReader.ReadOneAsync(approved.Uscc, asOf, ct);
        var basis = await store.SettledBasisAsync(programYear, approved.Uscc, ct);
        return await DecideAsync(lease, runId, programYear, RefundFactsBuilder.Build(approved.Uscc, facts), previous, approved,
            facts.Units.GetValueOrDefault(approved.Uscc), asOf, applied: false, ct, settledBasis: basis, correlationId: correlationId);
    }

    private async Task<Decided> DecideAsync(WriterLease lease, string runId, int programYear, RefundFacts facts, StoredDecision? previous,
        RefundCase? currentCase, UnitSnapshot? unit, FactsAsOf asOf, bool applied, CancellationToken ct, ChunkIds? ids = null,
        StoredDecision? settledBasis = null, string? correlationId = null)
    {
        var decisionDate = asOf.DecisionDate;
        var decision = Decide(facts, decisionDate);
        var factsJson = RefundFactsJson.Serialize(facts);
        var factsSha = CanonicalJson.Sha256(factsJson);
        var outcome = RuleOutcomes.Upper<RefundOutcome>(decision.Outcome);
        var policyVersion = policy.Stamp();
        if (previous is not null && previous.FactsSha256 == factsSha && previous.PolicyVersion == policyVersion
            && previous.Outcome == outcome && previous.AmountFen == decision.AmountFen && (!applied || currentCase?.State == RefundState.Offered))
        {
            // Unchanged. An application of a unit that already stands offered on the same decision (a repeated
            // application, issue 12) changes nothing either: the reply is the current state.
            return new Decided(new RunUnitOutcome(null, 0), currentCase);
        }

        var reason = previous is null ? "" : SupersedeReasons.Of(previous, factsJson, policyVersion, outcome, decision.AmountFen, decisionDate);
        var now = clock.GetUtcNow();
        var decisionId = await RefundStore.InsertDecisionAsync(lease, new RefundDecisionRow
        {
            Uscc = facts.Uscc, ProgramYear = programYear, RunId = runId, Outcome = outcome, AmountFen = decision.AmountFen,
            Rate = RuleOutcomes.Rate(decision.Rate), BaseFen = decision.BaseFen ?? 0, SizeClass = RuleOutcomes.Upper(decision.SizeClass),
            SizeClassSource = RuleOutcomes.Upper(decision.SizeClassSource), DivisionCode = unit?.DivisionCode ?? "",
            LabourDispatch = unit?.LabourDispatch ?? false, PolicyId = policy.Id, PolicyVersion = policyVersion, FactsSha256 = factsSha,
            Facts = factsJson, Explanation = JsonSerializer.Serialize(RuleOutcomes.Of(decision.Explanation), EventTypes.Json),
            DecidedAtUnixMs = now.ToUnixTimeMilliseconds(), DecisionDate = decisionDate, KnowledgeTimeUnixMs = asOf.KnowledgeTimeUnixMs, SupersedesId = previous?.Id, SupersedeReason = reason,
        }, ct, ids is null ? null : await ids.NextAsync(ct));

        var settlement = currentCase?.State == RefundState.DisbursementApproved
            ? _adjuster.Settle(Paid(currentCase, settledBasis ?? previous), decision)
            : null;
        // 2.(1) "Decision (dated actions)": an offer is dated the business date it is made on — the run's D, or the application's.
        var step = RefundWorkflow.Decide(currentCase, decision with { ProgramYear = programYear }, decisionId, decisionDate, applied, settlement);
        if (applied)
        {
            step = step with { Case = step.Case with { AppliedOn = decisionDate } };
        }
        foreach (var e in RefundEvents.For(step, decision, decisionId, previous?.Id, reason, correlationId ?? runId, now, settlement))
        {
            await outbox.EnqueueAsync(lease, e, ct);
        }
        await RefundStore.SaveCaseAsync(lease, step.Case, now.ToUnixTimeMilliseconds(), ct);
        return new Decided(new RunUnitOutcome(decision.Outcome, decision.Outcome is RefundOutcome.Eligible or RefundOutcome.Held
            ? decision.AmountFen : 0), step.Case);
    }

    /// <summary>
    /// What an approved case has been paid, and the rate, base and size class of the decision it was last settled on
    /// (<see cref="RefundStore.SettledBasisAsync"/>; the current decision when there is none).
    /// </summary>
    private static PaidRefund Paid(RefundCase approved, StoredDecision? previous) => new(
        approved.AmountFen ?? 0,
        decimal.TryParse(previous?.Rate, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) ? rate : null,
        previous?.BaseFen,
        UpperSnake.TryParse<SizeClass>(previous?.SizeClass, out var sizeClass) ? sizeClass : null,
        UpperSnake.TryParse<SizeClassSource>(previous?.SizeClassSource, out var source) ? source : null,
        approved.FrozenDecisionDate ?? throw new ArgumentException("an approved case has a frozen decision date", nameof(approved)));
}

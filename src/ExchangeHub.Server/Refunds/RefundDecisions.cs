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
/// <see cref="IRunProgramme"/>); the front office's "apply" decides one unit now.
/// </summary>
public sealed class RefundDecisions(
    HubDatabase database,
    StoredFactsReader factsReader,
    RefundStore store,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    WorkflowGate workflow,
    PolicySet policy,
    TimeProvider clock) : IRunProgramme
{
    private readonly RefundDecider _decider = new(policy);

    /// <summary>The program year whose refund window contains <paramref name="decisionDate"/>.</summary>
    public int ProgramYearAt(DateOnly decisionDate) => policy.Refund.Window.At(decisionDate)?.Value.ProgramYear
        ?? throw new ActionRefusedException($"no refund programme of policy {policy.Id} is open on {decisionDate:yyyy-MM-dd}");

    public Task<IDisposable> EnterAsync(CancellationToken ct) => workflow.EnterAsync(ct);

    public async Task<IReadOnlyList<RunUnitOutcome>> DecideChunkAsync(WriterLease lease, string runId, int programYear, StoredFacts chunk,
        FactsAsOf asOf, DateOnly today, CancellationToken ct)
    {
        var units = chunk.Subjects;
        // Read under the gate and the chunk's subject leases (other replicas' steps on these units wait): a
        // confirmation or application between chunks is seen, never overwritten.
        var current = await store.CurrentDecisionsAsync(programYear, units, ct);
        var cases = await store.CasesAsync(programYear, units, ct);
        var outcomes = new List<RunUnitOutcome>(units.Count);
        foreach (var uscc in units)
        {
            var decided = await DecideAsync(lease, runId, programYear, RefundFactsBuilder.Build(uscc, chunk), current.GetValueOrDefault(uscc),
                cases.GetValueOrDefault(uscc), chunk.Units.GetValueOrDefault(uscc), asOf, today, applied: false, ct);
            outcomes.Add(decided.Outcome);
        }
        return outcomes;
    }

    /// <summary>
    /// Decides one unit now (the front office's "apply", or a re-decision) with the same rules as a run, inside its own
    /// transaction, as of <paramref name="decisionDate"/> with the knowledge of now (T = when the call starts, "FACTS").
    /// Returns the unit's case afterwards.
    /// </summary>
    public async Task<RefundCase> DecideOneAsync(string uscc, DateOnly decisionDate, bool applied, CancellationToken ct)
    {
        var programYear = ProgramYearAt(decisionDate);
        var asOf = new FactsAsOf(decisionDate, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var stored = await factsReader.ReadOneAsync(uscc, asOf, ct);
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
        // Outside a run: its own correlation id, no run row.
        var decided = await DecideAsync(lease, Guid.NewGuid().ToString("D"), programYear, RefundFactsBuilder.Build(uscc, stored),
            current.GetValueOrDefault(uscc), cases.GetValueOrDefault(uscc), stored.Units.GetValueOrDefault(uscc), asOf,
            clock.ChinaToday(), applied, ct);
        await lease.CommitAsync(ct);
        outboxSignal.Notify();
        return decided.Case ?? cases[uscc];
    }

    private sealed record Decided(RunUnitOutcome Outcome, RefundCase? Case);

    private async Task<Decided> DecideAsync(WriterLease lease, string runId, int programYear, RefundFacts facts, StoredDecision? previous,
        RefundCase? currentCase, UnitSnapshot? unit, FactsAsOf asOf, DateOnly today, bool applied, CancellationToken ct)
    {
        var decisionDate = asOf.DecisionDate;
        var decision = _decider.Decide(facts, decisionDate);
        var factsJson = RefundFactsJson.Serialize(facts);
        var factsSha = CanonicalJson.Sha256(factsJson);
        var outcome = RuleOutcomes.Upper<RefundOutcome>(decision.Outcome);
        var policyVersion = policy.Stamp();
        if (previous is not null && previous.FactsSha256 == factsSha && previous.PolicyVersion == policyVersion
            && previous.Outcome == outcome && previous.AmountFen == decision.AmountFen && !applied)
        {
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
        }, ct);

        var step = RefundWorkflow.Decide(currentCase, decision with { ProgramYear = programYear }, decisionId, today, applied);
        foreach (var e in RefundEvents.For(step, decision, decisionId, previous?.Id, reason, currentCase?.AmountFen ?? 0, runId, now))
        {
            await outbox.EnqueueAsync(lease, e, ct);
        }
        await RefundStore.SaveCaseAsync(lease, step.Case, now.ToUnixTimeMilliseconds(), ct);
        return new Decided(new RunUnitOutcome(decision.Outcome, decision.Outcome is RefundOutcome.Eligible or RefundOutcome.Held
            ? decision.AmountFen : 0), step.Case);
    }
}

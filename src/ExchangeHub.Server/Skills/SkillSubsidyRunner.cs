using ExchangeHub.Policy;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Telemetry;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// Decides the skill-upgrade subsidy (1.(3), 2.(2)) of every certificate not yet decided or whose facts changed, in
/// order of issue date, then recovers every double subsidy (SKILL_NO_DOUBLE) not yet recovered. The facts are those of
/// the decision date D as the hub knew them at the call's start T (<see cref="PersonFactsReader"/>); each decision is
/// stored with D, T, its facts and policy stamp, and its event, in one transaction (a chunk of certificates at a time).
/// A granted subsidy stands: it has been paid, so later facts never take it back except through a clawback.
/// </summary>
public sealed class SkillSubsidyRunner(
    HubDatabase database,
    SkillInputsReader reader,
    PersonKey personKey,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    PolicySet policy,
    TimeProvider clock,
    HubMetrics metrics,
    ILogger<SkillSubsidyRunner> logger) : IDisposable
{
    /// <summary>The programme label of these calls in the hub's meters.</summary>
    internal const string Programme = "skill_subsidy";

    private const int WritesPerTransaction = 500;
    private const string Granted = StoredProgrammeCodes.Outcome.Granted;
    private readonly SkillSubsidyDecider _decider = new(policy);
    private readonly DoubleSubsidyCheck _doubleSubsidy = new(policy);
    private readonly ClusterMutex _oneAtATime = new(database, "skills");

    private string PolicyVersion => policy.Stamp();

    public async Task<SkillRunSummary> DecideAsync(DateOnly decisionDate, CancellationToken ct)
    {
        var held = await _oneAtATime.TryEnterAsync(ct)
            ?? throw new ActionRefusedException("skill subsidies are already being decided on this hub or another replica; wait for that call to finish",
                ErrorReasons.DecisionsInProgress);
        return await DecideHeldAsync(held, decisionDate, null, Guid.NewGuid().ToString("D"), "completed", ct);
    }

    /// <summary>
    /// Decisions follow the data (issue 14, item 3): the call dated <paramref name="decisionDate"/> for the certificates
    /// of <paramref name="residentIds"/> only — a person is the subject, so all of a followed person's certificates are
    /// planned together, as the call plans them — under the follow-up round's id (correlation id, metered as status
    /// <c>followup</c>). Null when a call is deciding skill subsidies now (the round tries again).
    /// </summary>
    public async Task<SkillRunSummary?> FollowAsync(DateOnly decisionDate, IReadOnlyCollection<string> residentIds, string roundId, CancellationToken ct)
    {
        var held = await _oneAtATime.TryEnterAsync(ct);
        return held is null ? null : await DecideHeldAsync(held, decisionDate, residentIds, roundId, "followup", ct);
    }

    private async Task<SkillRunSummary> DecideHeldAsync(IAsyncDisposable held, DateOnly decisionDate, IReadOnlyCollection<string>? residentIds,
        string correlationId, string completedStatus, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var status = "failed";
        SkillRunSummary? summary = null;
        try
        {
            var knownAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var inputs = await reader.ReadAsync(decisionDate, knownAt, ct, residentIds);
            var (pending, unchanged) = Plan(inputs, decisionDate);
            var current = inputs.CurrentDecisions.ToDictionary(StringComparer.Ordinal);
            foreach (var chunk in pending.Chunk(WritesPerTransaction))
            {
                await WriteDecisionsAsync(chunk, current, knownAt, correlationId, ct);
            }
            var clawbacks = await RecoverDoubleSubsidiesAsync(inputs, current, correlationId, ct);
            summary = new SkillRunSummary(correlationId, inputs.Facts.Certificates.Count, pending.Count, unchanged,
                pending.Count(p => p.Decision.Outcome == SkillOutcome.Granted), pending.Count(p => p.Decision.Outcome == SkillOutcome.Refused),
                pending.Count(p => p.Decision.Outcome == SkillOutcome.Undetermined), clawbacks);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Skill subsidies decided on {DecisionDate}: {Summary}", decisionDate, summary);
            }
            status = completedStatus;
            return summary;
        }
        finally
        {
            // Metered as a run of its programme: its duration, and its subsidies by outcome (a failed call: what it wrote is not known here, none).
            metrics.Run(Programme, status, System.Diagnostics.Stopwatch.GetElapsedTime(started), summary is null ? [] :
            [
                new(HubMetrics.OutcomeLabel(SkillOutcome.Granted), summary.Granted), new(HubMetrics.OutcomeLabel(SkillOutcome.Refused), summary.Refused),
                new(HubMetrics.OutcomeLabel(SkillOutcome.Undetermined), summary.Undetermined), new(HubMetrics.Unchanged, summary.Unchanged),
            ]);
            await held.DisposeAsync();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>
    /// Decides in memory, person by person (<see cref="SkillPlanning.Person"/>: in order of issue date, grants of this
    /// call count as prior grants of the certificates after them), then restores the call's order of issue date.
    /// "Receiving benefit" on the issue date is the hub's own benefit grants (1.(3) Decision, <see cref="PersonFacts.ReceivingBenefitOn"/>).
    /// </summary>
    private (List<SkillPlanning.Planned> Pending, int Unchanged) Plan(SkillInputs inputs, DateOnly decisionDate)
    {
        var pending = new List<SkillPlanning.Planned>();
        var unchanged = 0;
        // The reader gives only certificates issued by the decision date: a subsidy cannot be granted before its certificate exists.
        var order = inputs.Facts.Certificates.Select((c, i) => (c.Number, i)).ToDictionary(p => p.Number, p => p.i, StringComparer.Ordinal);
        foreach (var person in inputs.Facts.Certificates.GroupBy(c => c.ResidentId, StringComparer.Ordinal))
        {
            var holder = inputs.Facts.Holders.GetValueOrDefault(person.Key) ?? PersonFacts.None(person.Key);
            var (decided, standing) = SkillPlanning.Person(_decider, personKey.Of(person.Key), holder, person, holder.SkillGrants,
                inputs.CurrentDecisions.GetValueOrDefault, SkillPayments.TrainingOf(inputs.Facts, personKey.Of), PolicyVersion, decisionDate);
            pending.AddRange(decided);
            unchanged += standing;
        }
        pending.Sort((a, b) => order[a.Stored.Number].CompareTo(order[b.Stored.Number]));
        return (pending, unchanged);
    }

    private async Task WriteDecisionsAsync(SkillPlanning.Planned[] chunk, Dictionary<string, StoredSkillDecision> current, long knownAt, string correlationId,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var written = new List<StoredSkillDecision>();
        await using (var lease = await database.AcquireWriterAsync(ct))
        {
            await lease.BeginAsync(ct);
            foreach (var p in chunk)
            {
                var d = p.Decision;
                var outcome = SkillCodes.Outcome(d.Outcome);
                var id = await SkillSubsidyStore.InsertDecisionAsync(lease, new SkillSubsidyDecisionRow
                {
                    CertificateNumber = p.Certificate.Number, PersonKey = d.PersonId, OccupationCode = p.Certificate.OccupationCode,
                    Level = p.Certificate.Level, Outcome = outcome, AmountFen = d.AmountFen, DecidedOn = d.DecidedOn,
                    Explanation = ExplanationJson.Write(d.Explanation), PolicyId = policy.Id,
                    PolicyVersion = PolicyVersion, FactsSha256 = p.FactsSha256, FactsJson = p.FactsJson, KnowledgeTimeUnixMs = knownAt,
                    DecidedAtUnixMs = now.ToUnixTimeMilliseconds(),
                    SupersedesId = p.Previous?.Id,
                }, ct);
                await outbox.EnqueueAsync(lease, SkillSubsidyEvents.ForDecision(d, p.Certificate, id, p.Previous?.Id, correlationId, now), ct);
                written.Add(new StoredSkillDecision(id, p.Certificate.Number, d.PersonId, p.Certificate.OccupationCode, p.Certificate.Level, outcome,
                    d.AmountFen, d.DecidedOn, p.FactsSha256, PolicyVersion, now.ToUnixTimeMilliseconds()));
            }
            await lease.CommitAsync(ct);
        }
        outboxSignal.Notify();
        foreach (var w in written)
        {
            current[w.CertificateNumber] = w;
        }
    }

    /// <summary>
    /// SKILL_NO_DOUBLE: every granted certificate for which a training subsidy was also paid, not yet recovered. The
    /// later payment is recovered; paid the same day, the one the hub recorded later (the training payment's first
    /// recording against the grant's decision time). A training subsidy already known when deciding refused the skill
    /// subsidy instead, so this meets only training payments the grant could not know of: paid after it (recover the
    /// training subsidy) or reported after it (recover the skill subsidy).
    /// </summary>
    private async Task<int> RecoverDoubleSubsidiesAsync(SkillInputs inputs, Dictionary<string, StoredSkillDecision> current, string correlationId,
        CancellationToken ct)
    {
        var residents = inputs.Facts.Certificates.ToDictionary(c => c.Number, c => c.ResidentId, StringComparer.Ordinal);
        var found = new List<(ClawbackDecision Check, StoredSkillDecision Skill)>();
        foreach (var (number, training) in inputs.Facts.TrainingPayments)
        {
            if (inputs.ClawedBack.Contains(number) || current.GetValueOrDefault(number) is not { Outcome: Granted } skill || !residents.ContainsKey(number))
            {
                continue;
            }
            var check = _doubleSubsidy.Decide(SkillPayments.Skill(skill), SkillPayments.Training(training, personKey.Of));
            if (check.Outcome == ClawbackOutcome.Recover)
            {
                found.Add((check, skill));
            }
        }
        foreach (var chunk in found.Chunk(WritesPerTransaction))
        {
            var now = clock.GetUtcNow();
            await using (var lease = await database.AcquireWriterAsync(ct))
            {
                await lease.BeginAsync(ct);
                foreach (var (check, skill) in chunk)
                {
                    var recover = check.Recover!;
                    await SkillSubsidyStore.InsertClawbackAsync(lease, new SubsidyClawbackRow
                    {
                        CertificateNumber = check.CertificateNumber, RecoveredSubsidy = SkillCodes.Subsidy(recover.Kind),
                        RecipientKind = SkillCodes.Recipient(recover.RecipientKind), RecipientKey = recover.RecipientId, AmountFen = recover.AmountFen,
                        PaidOn = recover.PaidOn, SkillDecisionId = skill.Id, DecidedAtUnixMs = now.ToUnixTimeMilliseconds(),
                        Explanation = ExplanationJson.Write(check.Explanation),
                    }, ct);
                    await outbox.EnqueueAsync(lease,
                        SkillSubsidyEvents.ForClawback(check, recover, check.Kept!, skill.PersonKey, skill.Id, correlationId, now), ct);
                }
                await lease.CommitAsync(ct);
            }
            outboxSignal.Notify();
        }
        return found.Count;
    }
}

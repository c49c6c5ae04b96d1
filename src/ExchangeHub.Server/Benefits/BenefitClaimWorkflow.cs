using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Policy.Calendar;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Common.Followups;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Telemetry;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// Unemployment-benefit claims (1.(4), 2.(3), 2.(4)): stores a claim with its due date on the policy's working-day
/// calendar, decides it from the claimant's facts as of the decision date with the knowledge at the call's start
/// (<see cref="PersonFactsReader"/>, <see cref="BenefitClaimFacts"/>), recalculates a granted period when transferred
/// months arrive, and announces claims not decided by their due date. Every decision is stored with its decision date,
/// knowledge time, facts and policy stamp, and its events, in one transaction. One change at a time per hub.
/// </summary>
public sealed class BenefitClaimWorkflow(
    HubDatabase database,
    BenefitClaimReader reader,
    PersonFactsReader personFacts,
    PersonKey personKey,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    PolicySet policy,
    TimeProvider clock,
    HubMetrics metrics,
    FollowupMarks followups,
    ILogger<BenefitClaimWorkflow> logger) : IBenefitRecalculation, IDisposable
{
    /// <summary>The programme label of benefit decisions in the hub's meters (each decision counted as it is taken).</summary>
    internal const string Programme = "benefit";

    private readonly BenefitDecider _decider = new(policy);
    private readonly ClaimDeadlines _deadlines = new(policy);
    private readonly ClusterMutex _oneAtATime = new(database, "benefits");

    private string PolicyVersion => policy.Stamp();

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>Today in China Standard Time.</summary>
    public DateOnly Today => clock.ChinaToday();

    public async Task<StoredClaim> SubmitAsync(string residentId, DateOnly appliedOn, SeparationReason? separation, bool? registered,
        IReadOnlyList<string> channels, PreviousSpell? previous, CancellationToken ct)
    {
        var deadline = _deadlines.Check(appliedOn, appliedOn);
        var claim = new StoredClaim(Guid.NewGuid().ToString("D"), personKey.Of(residentId), residentId, appliedOn, deadline.Due, channels, separation, registered,
            previous, StoredClaimStatus.Submitted, false, deadline.DueUndetermined);
        await using (var lease = await database.AcquireWriterAsync(ct))
        {
            await lease.BeginAsync(ct);
            await BenefitClaimStore.InsertClaimAsync(lease, new BenefitClaimRow
            {
                ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, ResidentId = residentId, AppliedOn = appliedOn, DueOn = deadline.Due, DueUndetermined = deadline.DueUndetermined,
                Channels = string.Join(",", channels), Separation = separation is { } reason ? BenefitCodes.Separation(reason) : null, RegisteredUnemployed = registered,
                PreviousFirstBenefitMonth = previous?.FirstBenefitMonth.ToString(), PreviousEntitledMonths = previous?.EntitledMonths ?? 0,
                PreviousReceivedMonths = previous?.ReceivedMonths ?? 0, Status = claim.Status, SubmittedAtUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, ct);
            await lease.CommitAsync(ct);
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Benefit claim {ClaimId} of person {PersonKey} submitted, due {Due}", claim.ClaimId, claim.PersonKey,
                deadline.DueUndetermined ?? $"{deadline.Due:yyyy-MM-dd}");
        }
        return claim;
    }

    /// <summary>
    /// Decides the claim. Unchanged facts and policy: no-op (false). A granted claim whose facts changed is recalculated
    /// on its original decision date (2.(4)); any other claim whose facts changed is decided again.
    /// </summary>
    public async Task<bool> DecideAsync(string claimId, DateOnly decisionDate, CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var claim = await reader.ClaimAsync(claimId, ct) ?? throw new KeyNotFoundException($"no benefit claim {claimId}");
            if (decisionDate < claim.AppliedOn)
            {
                throw new FieldRefusedException("decision_date",
                    $"the decision date {BenefitFactsJson.Date(decisionDate)} is before the application date {BenefitFactsJson.Date(claim.AppliedOn)}");
            }
            return await DecideClaimAsync(claim, decisionDate, CallCorrelation.Id(), ct);
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async Task<(int Claims, int Recalculated)> RecalculatePersonAsync(string residentId, CancellationToken ct)
    {
        var (claims, recalculated, _) = await RecalculateGrantedClaimsAsync(ct, residentId);
        return (claims, recalculated);
    }

    /// <summary>
    /// Recalculates every granted claim whose facts as of <paramref name="decisionDate"/> (default today) changed; returns
    /// (granted claims, periods changed, correlation id).
    /// </summary>
    public async Task<(int Claims, int Recalculated, string CorrelationId)> RecalculateGrantedClaimsAsync(CancellationToken ct,
        string? residentId = null, DateOnly? decisionDate = null)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var correlationId = CallCorrelation.Id();
            var granted = await reader.GrantedAsync(residentId, ct);
            var changed = 0;
            foreach (var claim in granted)
            {
                if (await DecideClaimAsync(claim, decisionDate ?? Today, correlationId, ct))
                {
                    changed++;
                }
            }
            return (granted.Count, changed, correlationId);
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    /// <summary>
    /// Decisions follow the data (issue 14, item 3): every claim of <paramref name="residentIds"/> that has a decision is
    /// decided again under <paramref name="correlationId"/> — a granted one recalculated as the 2.(4) path does (facts as
    /// of today), a refused or undetermined one as of its own decision date with the knowledge of now ("FACTS": newer
    /// knowledge about facts dated on or before D may change the decision of D; a record dated after D cannot). A claim
    /// not decided yet is left to the front office. Returns (decided claims looked at, decisions stored).
    /// </summary>
    public async Task<(int Claims, int Changed)> FollowPersonsAsync(IReadOnlyList<string> residentIds, string correlationId, CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var (claims, changed) = (0, 0);
            foreach (var residentId in residentIds)
            {
                foreach (var claim in await reader.ClaimsOfResidentAsync(residentId, ct))
                {
                    if (await reader.CurrentDecisionAsync(claim.ClaimId, ct) is not { } current)
                    {
                        continue;
                    }
                    claims++;
                    if (await DecideClaimAsync(claim, BenefitClaimSteps.Recalculates(current) ? Today : current.DecidedOn, correlationId, ct))
                    {
                        changed++;
                    }
                }
            }
            return (claims, changed);
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    /// <summary>Publishes <c>BenefitClaimOverdue</c> once for every claim not decided by its due date; returns how many.</summary>
    public async Task<int> SendOverdueNoticesAsync(CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var today = Today;
            var overdue = await reader.OverdueAsync(today, ct);
            var sent = 0;
            var correlationId = CallCorrelation.Id();
            foreach (var claim in overdue)
            {
                await using (var lease = await database.AcquireWriterAsync(ct))
                {
                    await lease.BeginAsync(ct);
                    if (await BenefitClaimStore.MarkOverdueAsync(lease, claim.ClaimId, ct))
                    {
                        await outbox.EnqueueAsync(lease, BenefitEvents.Overdue(claim, today, policy.Id, PolicyVersion, correlationId, clock.GetUtcNow()), ct);
                        sent++;
                    }
                    await lease.CommitAsync(ct);
                }
            }
            if (sent > 0)
            {
                outboxSignal.Notify();
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("{Count} benefit claims not decided by their due date announced overdue", sent);
                }
            }
            return sent;
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    private async Task<bool> DecideClaimAsync(StoredClaim claim, DateOnly decisionDate, string correlationId, CancellationToken ct)
    {
        var knownAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var person = await personFacts.PersonAsync(claim.ResidentId, decisionDate, knownAt, ct);
        var facts = BenefitClaimFacts.Of(claim, person);
        var json = BenefitFactsJson.Serialize(facts);
        var sha = CanonicalJson.Sha256(json);
        var stamp = new DecisionStamp(decisionDate, knownAt, json, sha);
        var current = await reader.CurrentDecisionAsync(claim.ClaimId, ct);
        if (BenefitClaimSteps.Stands(current, sha, PolicyVersion))
        {
            metrics.Decided(Programme, HubMetrics.Unchanged);
            return false;
        }
        var now = clock.GetUtcNow();
        await using (var lease = await database.AcquireWriterAsync(ct))
        {
            await lease.BeginAsync(ct);
            var reason = BenefitClaimSteps.Reason(current);
            var (decision, explanation, recalculation) = BenefitClaimSteps.Decide(_decider, policy, claim.PersonKey, facts, decisionDate, current);
            var id = await InsertAsync(lease, claim, decision, explanation, stamp, current?.Id, reason, now, ct);
            if (recalculation is not null || BenefitCodes.Outcome(decision.Outcome) == StoredProgrammeCodes.Outcome.Granted)
            {
                // 1.(3) "receiving benefit" is a skill-subsidy fact: the person's skill decisions follow the grant.
                await followups.MarkSkillFactsChangedAsync(lease, claim.ResidentId, now.ToUnixTimeMilliseconds(), ct);
            }
            if (recalculation is not null)
            {
                if (recalculation.AdditionalMonths != 0)
                {
                    await outbox.EnqueueAsync(lease, BenefitEvents.ForRecalculation(recalculation, claim, id, current!.Id, correlationId, now), ct);
                    await outbox.EnqueueAsync(lease, BenefitEvents.Notification(claim, BenefitEvents.PeriodRecalculated, id, policy.Id, PolicyVersion,
                        correlationId, now), ct);
                }
                await lease.CommitAsync(ct);
                metrics.Decided(Programme, "recalculated");
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Benefit claim {ClaimId} recalculated: {Old} → {New} months", claim.ClaimId, current!.MaxMonths,
                        recalculation.Recalculated.MaxMonths);
                }
            }
            else
            {
                await outbox.EnqueueAsync(lease, BenefitEvents.ForDecision(decision, claim, id, current?.Id, correlationId, now), ct);
                await outbox.EnqueueAsync(lease, BenefitEvents.Notification(claim, BenefitEvents.ClaimDecided, id, policy.Id, PolicyVersion, correlationId, now), ct);
                await lease.CommitAsync(ct);
                metrics.Decided(Programme, HubMetrics.OutcomeLabel(BenefitCodes.Outcome(decision.Outcome)));
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Benefit claim {ClaimId} decided {Outcome}", claim.ClaimId, decision.Outcome);
                }
            }
        }
        outboxSignal.Notify();
        return true;
    }

    /// <summary>What makes a decision reproducible (FACTS, 3.(4)): its decision date D, knowledge time T and facts.</summary>
    private sealed record DecisionStamp(DateOnly DecisionDate, long KnownAtUnixMs, string FactsJson, string FactsSha256);

    private async Task<long> InsertAsync(WriterLease lease, StoredClaim claim, BenefitDecision decision, ExchangeHub.Policy.Explanations.Explanation explanation,
        DecisionStamp stamp, long? supersedes, string reason, DateTimeOffset now, CancellationToken ct) =>
        await BenefitClaimStore.InsertDecisionAsync(lease, new BenefitDecisionRow
        {
            ClaimId = claim.ClaimId, Outcome = BenefitCodes.Outcome(decision.Outcome), MaxMonths = decision.MaxMonths, CarriedOverMonths = decision.CarriedOverMonths,
            ConsolidatedInsuredMonths = decision.ConsolidatedInsuredMonths, DecidedOn = decision.DecidedOn, DecisionDate = stamp.DecisionDate,
            Explanation = ExplanationJson.Write(explanation), MissingFacts = string.Join(",", explanation.MissingFacts), PolicyId = policy.Id,
            PolicyVersion = PolicyVersion,
            FactsSha256 = stamp.FactsSha256, FactsJson = stamp.FactsJson, KnowledgeTimeUnixMs = stamp.KnownAtUnixMs,
            DecidedAtUnixMs = now.ToUnixTimeMilliseconds(), SupersedesId = supersedes, Reason = reason,
        }, ct);
}

using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Benefits;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Benefits;

/// <summary>Builds the published benefit-claim events. Persons appear only as pseudonymous keys.</summary>
public static class BenefitEvents
{
    public const string ClaimDecided = "CLAIM_DECIDED";
    public const string PeriodRecalculated = "BENEFIT_PERIOD_RECALCULATED";

    public static HubEvent ForDecision(BenefitDecision decision, StoredClaim claim, long decisionId, long? supersedes, string correlationId, DateTimeOffset now)
    {
        var explanation = RuleOutcomes.Of(decision.Explanation);
        var version = decision.Explanation.Stamp();
        return decision.Outcome switch
        {
            BenefitOutcome.Eligible => new BenefitGranted
            {
                EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = version, SubjectKey = claim.PersonKey,
                CorrelationId = correlationId, ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, DecisionId = decisionId, SupersedesDecisionId = supersedes,
                DecidedOn = decision.DecidedOn, ConsolidatedInsuredMonths = decision.ConsolidatedInsuredMonths, Explanation = explanation,
                MaxMonths = decision.MaxMonths, InsuredMonthsCounted = decision.CountedInsuredMonths, CarriedOverMonths = decision.CarriedOverMonths,
            },
            BenefitOutcome.Ineligible => new BenefitRefused
            {
                EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = version, SubjectKey = claim.PersonKey,
                CorrelationId = correlationId, ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, DecisionId = decisionId, SupersedesDecisionId = supersedes,
                DecidedOn = decision.DecidedOn, ConsolidatedInsuredMonths = decision.ConsolidatedInsuredMonths, Explanation = explanation,
                ReasonCodes = RefusalReasons(decision),
            },
            _ => new BenefitUndetermined
            {
                EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = version, SubjectKey = claim.PersonKey,
                CorrelationId = correlationId, ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, DecisionId = decisionId, SupersedesDecisionId = supersedes,
                DecidedOn = decision.DecidedOn, ConsolidatedInsuredMonths = decision.ConsolidatedInsuredMonths, Explanation = explanation,
                MissingFacts = decision.Explanation.MissingFacts.ToList(),
            },
        };
    }

    /// <summary>
    /// Every failed rule; the duration check fails only as a consequence of another failure (no months, no period), so it is
    /// named only when nothing else failed. The explanation keeps every check.
    /// </summary>
    public static List<string> RefusalReasons(BenefitDecision decision)
    {
        var failed = decision.Explanation.Checks.Where(c => c.Failed).ToList();
        return failed.Where(c => c.RuleId != BenefitReasonCodes.RuleDuration || failed.Count == 1).Select(c => c.ReasonCode).ToList();
    }

    public static BenefitPeriodRecalculated ForRecalculation(BenefitRecalculation recalculation, StoredClaim claim, long decisionId, long supersedes,
        string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = recalculation.Explanation.PolicyId, PolicyVersion = recalculation.Explanation.Stamp(),
        SubjectKey = claim.PersonKey, CorrelationId = correlationId, ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, DecisionId = decisionId,
        SupersedesDecisionId = supersedes, DecidedOn = recalculation.Recalculated.DecidedOn,
        ConsolidatedInsuredMonths = recalculation.Recalculated.ConsolidatedInsuredMonths, Explanation = RuleOutcomes.Of(recalculation.Explanation),
        OldMaxMonths = recalculation.Original.MaxMonths, NewMaxMonths = recalculation.Recalculated.MaxMonths,
        OldConsolidatedInsuredMonths = recalculation.Original.ConsolidatedInsuredMonths, ReasonCode = recalculation.Explanation.Checks[0].ReasonCode,
    };

    public static NotificationRequested Notification(StoredClaim claim, string purpose, long decisionId, string policyId, string policyVersion,
        string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = claim.PersonKey,
        CorrelationId = correlationId, ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, Channels = claim.Channels, Purpose = purpose,
        DecisionId = decisionId,
    };

    public static BenefitClaimOverdue Overdue(StoredClaim claim, DateOnly today, string policyId, string policyVersion, string correlationId,
        DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = claim.PersonKey,
        CorrelationId = correlationId, ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, AppliedOn = claim.AppliedOn, DueOn = claim.DueOn!.Value,
        AsOf = today,
    };
}

using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// A claim's history as the contract's <see cref="BenefitClaimRecord"/>, for <see cref="BenefitClaimGrpcService"/> and the
/// person's file (<see cref="BenefitPersonFileSection"/>): stored codes as the contract's enums, dates as YYYY-MM-DD,
/// instants as Timestamps, the policy stamp split, no superseded decision as 0. The resident id is never put in a reply.
/// </summary>
public static class BenefitClaimContract
{
    public static BenefitClaimRecord Record(BenefitClaimHistory history)
    {
        var claim = history.Claim;
        var record = new BenefitClaimRecord
        {
            ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, AppliedDate = StoredExplanation.Date(claim.AppliedOn),
            DueDate = claim.DueOn is { } due ? StoredExplanation.Date(due) : "", DueDateUndetermined = claim.DueUndetermined ?? "",
            Status = EnumNames.Parse<BenefitClaimStatus>(claim.Status), Channels = { claim.Channels.Select(EnumNames.Parse<NotificationChannel>) },
            Overdue = history.Overdue,
        };
        record.Decisions.Add(history.Decisions.Select(Decision));
        return record;
    }

    public static BenefitDecisionRecord Decision(BenefitDecisionEntry d)
    {
        var (version, sha256) = PolicyStamp.Split(d.PolicyVersion);
        var record = new BenefitDecisionRecord
        {
            DecisionId = d.Id, Outcome = EnumNames.Parse<BenefitOutcome>(d.Outcome), MaxMonths = d.MaxMonths, CarriedOverMonths = d.CarriedOverMonths,
            ConsolidatedInsuredMonths = d.ConsolidatedInsuredMonths, DecisionDate = StoredExplanation.Date(d.DecisionDate), DecidedOn = StoredExplanation.Date(d.DecidedOn),
            KnowledgeTime = StoredExplanation.Time(d.KnowledgeTimeUnixMs), PolicyId = d.PolicyId, PolicyVersion = version, PolicySha256 = sha256,
            FactsSha256 = d.FactsSha256, DecideTime = StoredExplanation.Time(d.DecidedAtUnixMs), IsCurrent = d.IsCurrent,
            SupersedesDecisionId = d.SupersedesId ?? 0, Reason = EnumNames.Parse<BenefitDecisionReason>(d.Reason),
        };
        record.Explanation.Add(StoredExplanation.Rules(d.Explanation));
        record.MissingFacts.Add(d.MissingFacts);
        return record;
    }
}

using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// A claim's history as the contract's <see cref="BenefitClaimRecord"/>, for <see cref="BenefitClaimGrpcService"/> and the
/// person's file (<see cref="BenefitPersonFileSection"/>): dates as YYYY-MM-DD, the policy as "id version", no superseded
/// decision as 0. The resident id is never put in a reply.
/// </summary>
public static class BenefitClaimContract
{
    public static BenefitClaimRecord Record(BenefitClaimHistory history)
    {
        var claim = history.Claim;
        var record = new BenefitClaimRecord
        {
            ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, AppliedDate = BenefitFactsJson.Date(claim.AppliedOn),
            DueDate = claim.DueOn is { } due ? BenefitFactsJson.Date(due) : "", DueDateUndetermined = claim.DueUndetermined ?? "", Status = claim.Status, Channels = { claim.Channels },
            Overdue = history.Overdue,
        };
        record.Decisions.Add(history.Decisions.Select(Decision));
        return record;
    }

    public static BenefitDecisionRecord Decision(BenefitDecisionEntry d)
    {
        var record = new BenefitDecisionRecord
        {
            DecisionId = d.Id, Outcome = d.Outcome, MaxMonths = d.MaxMonths, CarriedOverMonths = d.CarriedOverMonths,
            ConsolidatedInsuredMonths = d.ConsolidatedInsuredMonths, DecidedOn = BenefitFactsJson.Date(d.DecidedOn), Policy = $"{d.PolicyId} {d.PolicyVersion}",
            FactsSha256 = d.FactsSha256, DecidedAt = StoredExplanation.Iso(d.DecidedAtUnixMs), IsCurrent = d.IsCurrent,
            SupersedesDecisionId = d.SupersedesId ?? 0, Reason = d.Reason,
        };
        record.Explanation.Add(StoredExplanation.Rules(d.Explanation));
        record.MissingFacts.Add(d.MissingFacts);
        return record;
    }
}

using ExchangeHub.V1;

namespace ExchangeHub.Server.Common;

/// <summary>
/// The parts of the contract's one replay shape (<see cref="DecisionReplay"/>) every programme fills the same way:
/// the facts hashes, the policy stamps split into version and SHA-256, the outcomes in the programme's own enum, D
/// and T. Refunds (a unit's decision) and the person programmes add their keys.
/// </summary>
public static class DecisionReplays
{
    public static DecisionReplay Of(ReplayProgramme programme, string policyId, ReplayDifferences.Side stored, ReplayDifferences.Side replayed,
        string difference, DateOnly decisionDate, long? knowledgeTimeUnixMs)
    {
        var (storedVersion, storedSha) = PolicyStamp.Split(stored.Policy);
        var (replayedVersion, replayedSha) = PolicyStamp.Split(replayed.Policy);
        var replay = new DecisionReplay
        {
            Identical = difference.Length == 0, Difference = difference, DecisionDate = StoredExplanation.Date(decisionDate),
            StoredFactsSha256 = stored.FactsSha256, ReplayedFactsSha256 = replayed.FactsSha256, PolicyId = policyId,
            StoredPolicyVersion = storedVersion, StoredPolicySha256 = storedSha, ReplayedPolicyVersion = replayedVersion,
            ReplayedPolicySha256 = replayedSha, StoredOutcome = Outcome(programme, stored.Outcome), ReplayedOutcome = Outcome(programme, replayed.Outcome),
            StoredAmount = stored.Amount, ReplayedAmount = replayed.Amount,
        };
        if (knowledgeTimeUnixMs is { } t)
        {
            replay.KnowledgeTime = StoredExplanation.Time(t);
        }
        return replay;
    }

    /// <summary>A stored outcome (UPPER_SNAKE text) in the programme's enum; no case set when there is none (empty text).</summary>
    public static DecisionOutcome Outcome(ReplayProgramme programme, string outcome)
    {
        var result = new DecisionOutcome();
        if (outcome.Length == 0)
        {
            return result;
        }
        switch (programme)
        {
            case ReplayProgramme.Refund: result.Refund = EnumNames.Parse<RefundOutcome>(outcome); break;
            case ReplayProgramme.Skill: result.Skill = EnumNames.Parse<SkillOutcome>(outcome); break;
            case ReplayProgramme.Benefit: result.Benefit = EnumNames.Parse<BenefitOutcome>(outcome); break;
            default: result.Transfer = EnumNames.Parse<TransferStatus>(outcome); break;
        }
        return result;
    }
}

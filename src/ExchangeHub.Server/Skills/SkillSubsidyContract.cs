using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// Skill-subsidy decisions and clawbacks as the contract's records, for <see cref="SkillSubsidyGrpcService"/> and the
/// person's file (<see cref="SkillPersonFileSection"/>): dates as YYYY-MM-DD, the policy as "id version", no superseded
/// decision as 0.
/// </summary>
public static class SkillSubsidyContract
{
    public static SkillSubsidyDecisionRecord Decision(SkillDecisionEntry d)
    {
        var record = new SkillSubsidyDecisionRecord
        {
            DecisionId = d.Id, CertificateNumber = d.CertificateNumber, PersonKey = d.PersonKey, OccupationCode = d.OccupationCode, Level = d.Level,
            Outcome = d.Outcome, AmountFen = d.AmountFen, DecidedOn = SkillFactsJson.Date(d.DecidedOn), Policy = $"{d.PolicyId} {d.PolicyVersion}",
            FactsSha256 = d.FactsSha256, DecidedAt = StoredExplanation.Iso(d.DecidedAtUnixMs), IsCurrent = d.IsCurrent,
            SupersedesDecisionId = d.SupersedesId ?? 0,
        };
        record.Explanation.Add(StoredExplanation.Rules(d.Explanation));
        return record;
    }

    public static SubsidyClawbackRecord Clawback(SkillClawbackEntry c) => new()
    {
        CertificateNumber = c.CertificateNumber, RecoveredSubsidy = c.RecoveredSubsidy, RecipientKind = c.RecipientKind, RecipientKey = c.RecipientKey,
        AmountFen = c.AmountFen, PaidOn = SkillFactsJson.Date(c.PaidOn), DecidedAt = StoredExplanation.Iso(c.DecidedAtUnixMs),
    };
}

using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// Skill-subsidy decisions and clawbacks as the contract's records, for <see cref="SkillSubsidyGrpcService"/> and the
/// person's file (<see cref="SkillPersonFileSection"/>): stored codes as the contract's enums, dates as YYYY-MM-DD,
/// instants as Timestamps, the policy stamp split, no superseded decision as 0.
/// </summary>
public static class SkillSubsidyContract
{
    public static SkillSubsidyDecisionRecord Decision(SkillDecisionEntry d)
    {
        var (version, sha256) = PolicyStamp.Split(d.PolicyVersion);
        var record = new SkillSubsidyDecisionRecord
        {
            DecisionId = d.Id, CertificateNumber = d.CertificateNumber, PersonKey = d.PersonKey, OccupationCode = d.OccupationCode, Level = d.Level,
            Outcome = EnumNames.Parse<SkillOutcome>(d.Outcome), AmountFen = d.AmountFen, DecisionDate = StoredExplanation.Date(d.DecidedOn),
            KnowledgeTime = StoredExplanation.Time(d.KnowledgeTimeUnixMs), PolicyId = d.PolicyId, PolicyVersion = version, PolicySha256 = sha256,
            FactsSha256 = d.FactsSha256, DecideTime = StoredExplanation.Time(d.DecidedAtUnixMs), IsCurrent = d.IsCurrent,
            SupersedesDecisionId = d.SupersedesId ?? 0,
        };
        record.Explanation.Add(StoredExplanation.Rules(d.Explanation));
        return record;
    }

    public static SubsidyClawbackRecord Clawback(SkillClawbackEntry c) => new()
    {
        CertificateNumber = c.CertificateNumber, RecoveredSubsidy = EnumNames.Parse<RecoveredSubsidy>(c.RecoveredSubsidy),
        RecipientKind = EnumNames.Parse<SubsidyRecipientKind>(c.RecipientKind), RecipientKey = c.RecipientKey, AmountFen = c.AmountFen,
        PaidOn = StoredExplanation.Date(c.PaidOn), DecideTime = StoredExplanation.Time(c.DecidedAtUnixMs),
    };
}

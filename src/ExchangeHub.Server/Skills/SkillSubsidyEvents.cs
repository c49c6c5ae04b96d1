using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Skills;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Skills;

/// <summary>Builds the published skill-subsidy events. Persons appear only as pseudonymous keys.</summary>
public static class SkillSubsidyEvents
{
    public static HubEvent ForDecision(SkillSubsidyDecision decision, Certificate certificate, long decisionId, long? supersedes, string correlationId,
        DateTimeOffset now)
    {
        var explanation = RuleOutcomes.Of(decision.Explanation);
        var policyVersion = decision.Explanation.Stamp();
        return decision.Outcome switch
        {
            SkillOutcome.Granted => new SkillSubsidyGranted
            {
                EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = policyVersion,
                SubjectKey = decision.PersonId, CorrelationId = correlationId, CertificateNumber = certificate.Number, PersonKey = decision.PersonId,
                OccupationCode = certificate.OccupationCode, Level = certificate.Level, DecisionId = decisionId, SupersedesDecisionId = supersedes,
                DecidedOn = decision.DecidedOn, Explanation = explanation, AmountFen = decision.AmountFen,
            },
            SkillOutcome.Refused => new SkillSubsidyRefused
            {
                EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = policyVersion,
                SubjectKey = decision.PersonId, CorrelationId = correlationId, CertificateNumber = certificate.Number, PersonKey = decision.PersonId,
                OccupationCode = certificate.OccupationCode, Level = certificate.Level, DecisionId = decisionId, SupersedesDecisionId = supersedes,
                DecidedOn = decision.DecidedOn, Explanation = explanation,
                ReasonCodes = decision.Explanation.Checks.Where(c => c.Failed).Select(c => c.ReasonCode).ToList(),
            },
            _ => new SkillSubsidyUndetermined
            {
                EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = policyVersion,
                SubjectKey = decision.PersonId, CorrelationId = correlationId, CertificateNumber = certificate.Number, PersonKey = decision.PersonId,
                OccupationCode = certificate.OccupationCode, Level = certificate.Level, DecisionId = decisionId, SupersedesDecisionId = supersedes,
                DecidedOn = decision.DecidedOn, Explanation = explanation, MissingFacts = decision.Explanation.MissingFacts.ToList(),
            },
        };
    }

    /// <summary>The clawback of <paramref name="check"/>'s later payment; the subject is whoever must pay it back.</summary>
    public static SubsidyClawback ForClawback(ClawbackDecision check, SubsidyPayment recover, SubsidyPayment kept, string personKey, long skillDecisionId,
        string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = check.Explanation.PolicyId, PolicyVersion = check.Explanation.Stamp(),
        SubjectKey = recover.RecipientId, CorrelationId = correlationId, CertificateNumber = check.CertificateNumber, PersonKey = personKey,
        RecoverSubsidy = UpperSnake.Format(recover.Kind), RecipientKind = UpperSnake.Format(recover.RecipientKind), RecipientKey = recover.RecipientId,
        AmountFen = recover.AmountFen, PaidOn = recover.PaidOn, KeptSubsidy = UpperSnake.Format(kept.Kind), KeptPaidOn = kept.PaidOn,
        SkillDecisionId = skillDecisionId, Explanation = RuleOutcomes.Of(check.Explanation),
    };
}

using ExchangeHub.Policy.Skills;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// A certificate's skill-subsidy facts (1.(3), 2.(2)) from the stored rows as of D: the holder's insured months, whether
/// the holder received benefit on the issue date, the prior grants (every grant but this certificate's) and the
/// training subsidy paid for it. Shared so the call's planning (Skills/SkillPlanning) and the what-if build them alike.
/// </summary>
public static class SkillSubsidyFactsOf
{
    public static Certificate Certificate(StoredCertificate stored) => new(stored.Number, stored.OccupationCode, stored.Level, stored.IssuedOn);

    public static SkillSubsidyFacts Build(string personKey, Certificate certificate, PersonFacts holder, IEnumerable<SkillGrant> grants,
        SubsidyPayment? training) =>
        new(personKey, certificate, holder.InsuredMonths, holder.ReceivingBenefitOn(certificate.IssuedOn),
            grants.Where(g => g.CertificateNumber != certificate.Number).ToList(), training);

    /// <summary>A grant of this call (or what-if) counts as a prior grant of the holder's certificates after it.</summary>
    public static void Record(List<SkillGrant> grants, SkillSubsidyDecision decision, Certificate certificate, DateOnly decisionDate)
    {
        if (decision.Outcome == SkillOutcome.Granted)
        {
            grants.Add(new SkillGrant(certificate.OccupationCode, certificate.Level, decisionDate, certificate.Number));
        }
    }
}

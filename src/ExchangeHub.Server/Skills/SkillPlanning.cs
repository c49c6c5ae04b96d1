using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// Plans one person's certificates of a DecideSkillSubsidies call, in order of issue date (1.(3), 2.(2)): a grant
/// earlier in the call counts as a prior grant of the certificates after it (the yearly cap, once per occupation and
/// level, no lower level after a higher one), which the facts read at the call's start T cannot show. Pure: the call
/// (<see cref="SkillSubsidyRunner"/>) and its replay (<see cref="SkillReplay"/>) plan through this one function.
/// </summary>
public static class SkillPlanning
{
    /// <summary>A certificate decided (again): its facts, their canonical JSON and SHA-256, the decision and the decision it supersedes.</summary>
    public sealed record Planned(StoredCertificate Stored, Certificate Certificate, string FactsJson, string FactsSha256, SkillSubsidyDecision Decision,
        StoredSkillDecision? Previous);

    /// <summary>
    /// The person's certificates (<paramref name="certificates"/>, in issue-date order) that get a new decision, and how
    /// many stand: a granted one stands (it has been paid), and so does one decided from the same facts under the same
    /// policy. A refused or undetermined one is compared with its facts as they read in its own grant year ("FACTS":
    /// final for its facts, never superseded because the calendar moved), so a later decision date alone does not decide
    /// it again. <paramref name="storedGrants"/>: the person's grants of earlier calls; <paramref name="trainingOf"/>: the
    /// training subsidy paid for a certificate by the decision date (1.(3) SKILL_NO_DOUBLE).
    /// </summary>
    public static (List<Planned> Decided, int Unchanged) Person(SkillSubsidyDecider decider, string personKey, PersonFacts holder,
        IEnumerable<StoredCertificate> certificates, IEnumerable<SkillGrant> storedGrants, Func<string, StoredSkillDecision?> previousOf,
        Func<string, SubsidyPayment?> trainingOf, string policyVersion, DateOnly decisionDate)
    {
        var grants = storedGrants.ToList();
        var decided = new List<Planned>();
        var unchanged = 0;
        foreach (var stored in certificates)
        {
            var previous = previousOf(stored.Number);
            if (previous?.Outcome == Storage.StoredProgrammeCodes.Outcome.Granted)
            {
                unchanged++;
                continue;
            }
            var certificate = SkillSubsidyFactsOf.Certificate(stored);
            var facts = SkillSubsidyFactsOf.Build(personKey, certificate, holder, grants, trainingOf(stored.Number));
            if (previous is not null && previous.PolicyVersion == policyVersion
                && previous.FactsSha256 == CanonicalJson.Sha256(SkillFactsJson.Serialize(facts, previous.DecidedOn.Year)))
            {
                unchanged++;
                continue;
            }
            var json = SkillFactsJson.Serialize(facts, decisionDate.Year);
            var decision = decider.Decide(facts, decisionDate);
            SkillSubsidyFactsOf.Record(grants, decision, certificate, decisionDate);
            decided.Add(new Planned(stored, certificate, json, CanonicalJson.Sha256(json), decision, previous));
        }
        return (decided, unchanged);
    }
}

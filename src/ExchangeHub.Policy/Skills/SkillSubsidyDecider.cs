using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Skills.SkillReasonCodes;

namespace ExchangeHub.Policy.Skills;

/// <summary>
/// Decides a skill-upgrade subsidy (1.(3), 2.(2)). Parameters are those in force on the certificate's issue date; the
/// yearly cap counts grants by grant date, the grant being decided dated <c>grantDate</c>. A grant date outside the
/// programme window in force on it (no policy file covers it) refuses (SKILL_PROGRAMME_ENDED); a training subsidy
/// already paid for the certificate refuses (SKILL_TRAINING_SUBSIDY_ALREADY_PAID).
/// </summary>
public sealed class SkillSubsidyDecider(PolicySet policy)
{
    public PolicySet Policy => policy;

    public SkillSubsidyDecision Decide(SkillSubsidyFacts facts, DateOnly grantDate)
    {
        var certificate = facts.Certificate;
        var issued = certificate.IssuedOn;
        var windowInputs = Values.Of(("issued_on", Values.Text(issued)));
        if (policy.Skill.CertificateWindow.At(issued) is not { Value: true } window)
        {
            var outside = new RuleCheck(RuleWindow, "1.(3)", CertificateOutsideWindow, false, windowInputs, Values.None, "certificate not issued while the subsidy was in force");
            return Decision(facts, SkillOutcome.Refused, 0, grantDate, [outside]);
        }

        var windowParameters = Values.Of(("certificate_window", Values.Period(window.From, window.To)));
        var inWindow = new RuleCheck(RuleWindow, "1.(3)", CertificateInWindow, true, windowInputs, windowParameters, "certificate issued while the subsidy is in force");
        var programme = SkillRules.Programme(grantDate, policy.Skill.CertificateWindow.At(grantDate), window);
        if (programme.Failed)
        {
            return Decision(facts, SkillOutcome.Refused, 0, grantDate, [inWindow, programme]);
        }

        RuleCheck[] checks =
        [
            inWindow,
            programme,
            SkillRules.Person(facts, policy.Skill.MinInsuredMonths.At(issued)!.Value),
            SkillRules.Level(certificate, policy.Skill.AmountsFen.At(issued)!.Value, out var amount),
            SkillRules.Cap(facts.PriorGrants, grantDate, policy.Skill.YearlyCap.At(issued)!.Value),
            SkillRules.Once(certificate, facts.PriorGrants),
            SkillRules.NoLower(certificate, facts.PriorGrants),
            SkillRules.NoDouble(facts.TrainingPayment, grantDate),
        ];
        return Checks.Verdict(checks) switch
        {
            Verdict.Failed => Decision(facts, SkillOutcome.Refused, 0, grantDate, checks),
            Verdict.Undetermined => Decision(facts, SkillOutcome.Undetermined, 0, grantDate, checks),
            _ => Decision(facts, SkillOutcome.Granted, amount, grantDate, checks),
        };
    }

    private SkillSubsidyDecision Decision(SkillSubsidyFacts facts, SkillOutcome outcome, long amount, DateOnly grantDate, IReadOnlyList<RuleCheck> checks) =>
        new(facts.PersonId, facts.Certificate.Number, outcome, amount, grantDate, Explanation.For(policy, checks));
}

using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Skills.SkillReasonCodes;

namespace ExchangeHub.Policy.Skills;

/// <summary>
/// 1.(3) SKILL_NO_DOUBLE: a skill-upgrade subsidy and a vocational-training subsidy paid for the same certificate are
/// not combined; the one paid later is recovered from whoever received it (unit or person). Paid the same day, the one
/// the hub recorded later is the later (1.(3) Decision): a training payment's record time against the skill grant's
/// decision time. A training subsidy paid before the skill grant but reported to the hub after it makes the skill
/// subsidy the later one. (A training subsidy already known when the skill subsidy is decided refuses it instead —
/// <see cref="SkillSubsidyDecider"/> — so this check only meets payments the grant could not know of.)
/// </summary>
public sealed class DoubleSubsidyCheck(PolicySet policy)
{
    public ClawbackDecision Decide(SubsidyPayment? skill, SubsidyPayment? training)
    {
        var certificate = skill?.CertificateNumber ?? training?.CertificateNumber ?? string.Empty;
        if (skill is not null && training is not null && skill.CertificateNumber != training.CertificateNumber)
        {
            throw new ArgumentException("Both payments must be for the same certificate.", nameof(training));
        }

        var inputs = Values.Of(
            ("certificate", certificate),
            ("skill_paid_on", skill is null ? "none" : Values.Text(skill.PaidOn)),
            ("training_paid_on", training is null ? "none" : Values.Text(training.PaidOn)),
            ("skill_recorded_at_unix_ms", skill?.RecordedAtUnixMs is { } sr ? Values.Text(sr) : "none"),
            ("training_recorded_at_unix_ms", training?.RecordedAtUnixMs is { } tr ? Values.Text(tr) : "none"));
        if (skill is null || training is null)
        {
            return Decision(certificate, ClawbackOutcome.None, null, skill ?? training, new(RuleNoDouble, "1.(3)", NoDoubleSubsidy, true, inputs, Values.None, "only one subsidy paid for the certificate"));
        }

        var order = skill.PaidOn.CompareTo(training.PaidOn);
        if (order == 0)
        {
            if (skill.RecordedAtUnixMs is not { } s || training.RecordedAtUnixMs is not { } t)
            {
                var tie = new RuleCheck(RuleNoDouble, "1.(3)", DoubleSubsidyOrderUnknown, false, inputs, Values.None,
                    "both paid the same day and the hub's record time of one is not given", nameof(SubsidyPayment.RecordedAtUnixMs));
                return Decision(certificate, ClawbackOutcome.Undetermined, null, null, tie);
            }
            // The training payment recorded at the very instant of the grant was there when the grant was decided: the grant is the later.
            order = s >= t ? 1 : -1;
        }

        var (later, earlier) = order > 0 ? (skill, training) : (training, skill);
        var check = new RuleCheck(
            RuleNoDouble,
            "1.(3)",
            DoubleSubsidyRecoverLater,
            false,
            inputs,
            Values.None,
            $"recover the later {UpperSnake.Format(later.Kind)} subsidy of {later.AmountFen} fen from {UpperSnake.Format(later.RecipientKind)} {later.RecipientId}");
        return Decision(certificate, ClawbackOutcome.Recover, later, earlier, check);
    }

    private ClawbackDecision Decision(string certificate, ClawbackOutcome outcome, SubsidyPayment? recover, SubsidyPayment? kept, RuleCheck check) =>
        new(certificate, outcome, recover, kept, Explanation.For(policy, [check]));
}

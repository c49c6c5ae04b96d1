using ExchangeHub.Policy.Skills;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// The two subsidies of a certificate as 1.(3) SKILL_NO_DOUBLE compares them, each with the hub's record time (a
/// training payment's first recording, a skill grant's decision time): a person who received a training subsidy is
/// named by the pseudonymous key (the callers pass Security's PersonKey.Of, so Facts/ imports no
/// Security/), never the resident id.
/// </summary>
public static class SkillPayments
{
    public static SubsidyPayment Training(StoredTrainingPayment training, Func<string, string> keyOf) =>
        StoredEnums.RecipientKind(training.RecipientKind) == RecipientKind.Unit
            ? new SubsidyPayment(SubsidyKind.VocationalTraining, training.CertificateNumber, RecipientKind.Unit, training.RecipientId, training.AmountFen,
                training.PaidOn, training.RecordedAtUnixMs)
            : new SubsidyPayment(SubsidyKind.VocationalTraining, training.CertificateNumber, RecipientKind.Person, keyOf(training.RecipientId),
                training.AmountFen, training.PaidOn, training.RecordedAtUnixMs);

    /// <summary>The training subsidy paid for a certificate by the decision date as known at T (what the call and its replay read), or null.</summary>
    public static Func<string, SubsidyPayment?> TrainingOf(CertificateFacts facts, Func<string, string> keyOf) =>
        number => facts.TrainingPayments.GetValueOrDefault(number) is { } paid ? Training(paid, keyOf) : null;

    /// <summary>A granted skill subsidy, paid to the person on its decision date and recorded when it was decided.</summary>
    public static SubsidyPayment Skill(StoredSkillDecision granted) =>
        new(SubsidyKind.SkillUpgrade, granted.CertificateNumber, RecipientKind.Person, granted.PersonKey, granted.AmountFen, granted.DecidedOn,
            granted.DecidedAtUnixMs);
}

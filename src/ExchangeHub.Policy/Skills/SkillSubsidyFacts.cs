namespace ExchangeHub.Policy.Skills;

/// <summary>
/// A person's claim for the skill-upgrade subsidy (1.(3)). <paramref name="InsuredMonths"/>: months with a REGULAR or
/// BACK_PAYMENT line in any place (the engine counts those up to the month of issue, each once); null when unknown.
/// <paramref name="ReceivingBenefitOnIssueDate"/>: null when unknown (needed only if fewer than 12 insured months).
/// <paramref name="TrainingPayment"/>: the vocational-training subsidy paid for the certificate by the decision date as
/// the hub knows it (1.(3) SKILL_NO_DOUBLE); null when none.
/// </summary>
public sealed record SkillSubsidyFacts(
    string PersonId,
    Certificate Certificate,
    IReadOnlyCollection<YearMonth>? InsuredMonths,
    bool? ReceivingBenefitOnIssueDate,
    IReadOnlyList<SkillGrant> PriorGrants,
    SubsidyPayment? TrainingPayment = null);

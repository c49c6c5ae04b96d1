namespace ExchangeHub.Policy.Skills;

/// <summary>Rule ids and stable reason codes of the skill-upgrade subsidy (1.(3), 2.(2)).</summary>
public static class SkillReasonCodes
{
    // Rule ids (POLICY.md).
    public const string RuleWindow = "SKILL_WINDOW";
    public const string RulePerson = "SKILL_PERSON";
    public const string RuleLevel = "SKILL_LEVEL";
    public const string RuleCap = "SKILL_CAP";
    public const string RuleOnce = "SKILL_ONCE";
    public const string RuleNoLower = "SKILL_NO_LOWER";
    public const string RuleNoDouble = "SKILL_NO_DOUBLE";

    // Reason codes.
    public const string CertificateInWindow = "SKILL_CERTIFICATE_IN_WINDOW";
    public const string CertificateOutsideWindow = "SKILL_CERTIFICATE_OUTSIDE_WINDOW";

    /// <summary>1.(3): the grant date (the decision date D) is inside the programme window of the policy file.</summary>
    public const string GrantDateInWindow = "SKILL_GRANT_DATE_IN_WINDOW";

    /// <summary>1.(3): deciding after the window grants nothing unless a policy file covers the grant date.</summary>
    public const string ProgrammeEnded = "SKILL_PROGRAMME_ENDED";
    public const string PersonInsuredMonthsMet = "SKILL_PERSON_INSURED_MONTHS_MET";
    public const string PersonReceivingBenefit = "SKILL_PERSON_RECEIVING_BENEFIT";
    public const string PersonNotQualified = "SKILL_PERSON_NOT_QUALIFIED";
    public const string PersonInsuredMonthsMissing = "SKILL_PERSON_INSURED_MONTHS_MISSING";
    public const string PersonBenefitStatusMissing = "SKILL_PERSON_BENEFIT_STATUS_MISSING";
    public const string LevelCovered = "SKILL_LEVEL_COVERED";
    public const string LevelNotCovered = "SKILL_LEVEL_NOT_COVERED";
    public const string WithinYearlyCap = "SKILL_WITHIN_YEARLY_CAP";
    public const string YearlyCapReached = "SKILL_YEARLY_CAP_REACHED";
    public const string FirstGrantForLevel = "SKILL_FIRST_GRANT_FOR_LEVEL";
    public const string AlreadyGranted = "SKILL_ALREADY_GRANTED_SAME_LEVEL";
    public const string OccupationCodeInvalid = "SKILL_OCCUPATION_CODE_INVALID";
    public const string NotLowerThanGranted = "SKILL_NOT_LOWER_THAN_GRANTED";
    public const string LowerLevelAfterHigher = "SKILL_LOWER_LEVEL_AFTER_HIGHER";
    public const string NoDoubleSubsidy = "SKILL_NO_DOUBLE_SUBSIDY";

    /// <summary>1.(3) Decision: no training subsidy for the certificate paid by the decision date, as the hub knows it.</summary>
    public const string NoTrainingSubsidyPaid = "SKILL_NO_TRAINING_SUBSIDY_PAID";

    /// <summary>1.(3) Decision: a training subsidy already paid for the certificate refuses the skill subsidy (never granted and recovered at once).</summary>
    public const string TrainingSubsidyAlreadyPaid = "SKILL_TRAINING_SUBSIDY_ALREADY_PAID";
    public const string DoubleSubsidyRecoverLater = "SKILL_DOUBLE_SUBSIDY_RECOVER_LATER";
    public const string DoubleSubsidyOrderUnknown = "SKILL_DOUBLE_SUBSIDY_ORDER_UNKNOWN";
}

namespace ExchangeHub.Policy.Benefits;

/// <summary>Rule ids and stable reason codes of unemployment benefit (1.(4)) and its recalculation on transfer (2.(4)).</summary>
public static class BenefitReasonCodes
{
    // Rule ids (POLICY.md).
    public const string RuleInsured = "BENEFIT_INSURED";
    public const string RuleInvoluntary = "BENEFIT_INVOLUNTARY";
    public const string RuleRegistered = "BENEFIT_REGISTERED";
    public const string RuleDuration = "BENEFIT_DURATION";
    public const string RuleRecalculation = "BENEFIT_RECALCULATION";
    public const string RulePreviousSpell = "BENEFIT_PREVIOUS_SPELL";

    // Reason codes.
    public const string InsuredMonthsMet = "BENEFIT_INSURED_MONTHS_MET";
    public const string InsuredMonthsBelowMinimum = "BENEFIT_INSURED_MONTHS_BELOW_MINIMUM";
    public const string RemainingFromPreviousSpell = "BENEFIT_REMAINING_FROM_PREVIOUS_SPELL";
    public const string InvoluntarySeparation = "BENEFIT_INVOLUNTARY_SEPARATION";
    public const string Resignation = "BENEFIT_RESIGNATION";
    public const string SeparationMissing = "BENEFIT_SEPARATION_MISSING";
    public const string Registered = "BENEFIT_REGISTERED_UNEMPLOYED";
    public const string NotRegistered = "BENEFIT_NOT_REGISTERED";
    public const string RegistrationMissing = "BENEFIT_REGISTRATION_MISSING";
    public const string DurationByInsuredMonths = "BENEFIT_DURATION_BY_INSURED_MONTHS";
    public const string DurationWithCarriedOver = "BENEFIT_DURATION_WITH_CARRIED_OVER";
    public const string DurationCapped = "BENEFIT_DURATION_CAPPED";
    public const string DurationRemainingOnly = "BENEFIT_DURATION_REMAINING_ONLY";
    public const string ParameterMissing = "BENEFIT_PARAMETER_MISSING";
    public const string RecalculatedLonger = "BENEFIT_RECALCULATED_LONGER";
    public const string RecalculatedUnchanged = "BENEFIT_RECALCULATED_UNCHANGED";
    public const string RecalculatedShorter = "BENEFIT_RECALCULATED_SHORTER";
    public const string PreviousSpellFromGrant = "BENEFIT_PREVIOUS_SPELL_FROM_GRANT";
    public const string PreviousSpellContradictsGrant = "BENEFIT_PREVIOUS_SPELL_CONTRADICTS_GRANT";
    public const string PreviousSpellReceivedMissing = "BENEFIT_PREVIOUS_SPELL_RECEIVED_MISSING";
    public const string DurationLessPaidElsewhere = "BENEFIT_DURATION_LESS_PAID_ELSEWHERE";
}

using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Benefits;

/// <summary>
/// A benefit decision. <see cref="MaxMonths"/>: the maximum benefit period (0 unless eligible).
/// <see cref="ConsolidatedInsuredMonths"/>: distinct insured months over all places; <see cref="CountedInsuredMonths"/>:
/// those counted for this spell (from the previous spell on, when unemployed again); <see cref="CarriedOverMonths"/>:
/// months entitled but not received in the previous spell.
/// </summary>
public sealed record BenefitDecision(
    string PersonId,
    BenefitOutcome Outcome,
    int MaxMonths,
    int CarriedOverMonths,
    int ConsolidatedInsuredMonths,
    int CountedInsuredMonths,
    int OverlappingMonths,
    DateOnly DecidedOn,
    Explanation Explanation);

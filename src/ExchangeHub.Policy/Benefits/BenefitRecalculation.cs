using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Benefits;

/// <summary>2.(4): the benefit period recalculated on the consolidated months after a transfer; <see cref="AdditionalMonths"/> is signed.</summary>
public sealed record BenefitRecalculation(
    BenefitDecision Original,
    BenefitDecision Recalculated,
    int AdditionalMonths,
    Explanation Explanation);

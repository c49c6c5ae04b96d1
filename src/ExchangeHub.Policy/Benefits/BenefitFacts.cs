namespace ExchangeHub.Policy.Benefits;

/// <summary>
/// A person's benefit claim (1.(4)). Null members are missing facts. <paramref name="PreviousSpell"/> is null for a
/// first spell.
/// </summary>
public sealed record BenefitFacts(
    string PersonId,
    IReadOnlyList<InsuredPlace> InsuredPlaces,
    SeparationReason? Separation,
    bool? RegisteredUnemployed,
    PreviousSpell? PreviousSpell = null);

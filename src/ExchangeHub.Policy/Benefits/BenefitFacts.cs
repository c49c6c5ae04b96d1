namespace ExchangeHub.Policy.Benefits;

/// <summary>
/// A person's benefit claim (1.(4)). Null members are missing facts. <paramref name="PreviousSpell"/>: the spell the
/// claim states (null for a first spell). <paramref name="ApplicationMonth"/>: insured months count up to the month
/// before it (null: every month given). <paramref name="HubGrant"/>: the hub's own earlier grant of this person, which
/// the previous spell's entitlement is taken from where there is one. <paramref name="MonthsPaidElsewhere"/>: benefit
/// months already paid elsewhere in this spell (completed transfers in), deducted from the months still to pay.
/// </summary>
public sealed record BenefitFacts(
    string PersonId,
    IReadOnlyList<InsuredPlace> InsuredPlaces,
    SeparationReason? Separation,
    bool? RegisteredUnemployed,
    PreviousSpell? PreviousSpell = null,
    YearMonth? ApplicationMonth = null,
    PreviousGrant? HubGrant = null,
    int MonthsPaidElsewhere = 0);

namespace ExchangeHub.Policy.Benefits;

/// <summary>
/// 1.(4) Decision: the hub's own GRANTED decision of an earlier claim of the person — the previous spell's entitlement
/// (its grant month is the spell's first benefit month, its maximum months the months entitled). How many of them were
/// received the hub does not know: only the claim states it.
/// </summary>
public sealed record PreviousGrant(YearMonth FirstBenefitMonth, int EntitledMonths);

using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// A claim's facts for the engine (1.(4) Decisions) from the claimant's <see cref="PersonFacts"/> as of the decision
/// date: the insured places (the XPCC's months and each COMPLETED transfer in), the application month (months count up
/// to the month before it), the hub's own latest grant of an earlier claim (granted before this application: the
/// previous spell's entitlement), and the benefit months paid elsewhere in this spell — those of completed transfers
/// in requested from the previous spell's first benefit month on (every completed transfer in for a first spell).
/// </summary>
public static class BenefitClaimFacts
{
    public static BenefitFacts Of(StoredClaim claim, PersonFacts person)
    {
        var grant = person.BenefitGrants
            .Where(g => g.ClaimId != claim.ClaimId && g.GrantedOn < claim.AppliedOn)
            .MaxBy(g => (g.GrantedOn, g.AppliedOn));
        var hubGrant = grant is null ? null : new PreviousGrant(YearMonth.FromDate(grant.GrantedOn), grant.MaxMonths);
        var spellFrom = (hubGrant?.FirstBenefitMonth ?? claim.PreviousSpell?.FirstBenefitMonth) is { } first
            ? new DateOnly(first.Year, first.Month, 1)
            : DateOnly.MinValue;
        var paidElsewhere = person.TransfersIn.Where(t => t.RequestedOn >= spellFrom).Sum(t => t.BenefitMonthsPaid);
        return new BenefitFacts(claim.PersonKey, person.Places, claim.Separation, claim.RegisteredUnemployed, claim.PreviousSpell,
            YearMonth.FromDate(claim.AppliedOn), hubGrant, paidElsewhere);
    }
}

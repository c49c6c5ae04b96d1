using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Policy.Skills;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// A person's facts as of a decision date D, as the hub knew them at T (POLICY.md "Time and facts — FACTS"), read by
/// <see cref="PersonFactsReader"/> for every person programme: the insured months in the XPCC (REGULAR and BACK_PAYMENT
/// lines received on or before D, cancelled 0/0 lines out), the transfers in COMPLETED on or before D, the hub's own
/// benefit grants in force on D and claims not yet decided, and the person's skill grants.
/// </summary>
public sealed record PersonFacts(
    string ResidentId,
    IReadOnlySet<YearMonth> LocalMonths,
    IReadOnlyList<CompletedTransferIn> TransfersIn,
    IReadOnlyList<BenefitGrant> BenefitGrants,
    IReadOnlyList<PendingClaim> PendingClaims,
    IReadOnlyList<SkillGrant> SkillGrants)
{
    /// <summary>The place code of months insured in the XPCC itself.</summary>
    public const string LocalPlace = "66";

    /// <summary>The XPCC's months, then each completed transfer in as its own place (overlaps count once in the engine).</summary>
    public IReadOnlyList<InsuredPlace> Places => [new(LocalPlace, LocalMonths), .. TransfersIn.Select(t => new InsuredPlace(t.PlaceCode, t.Months))];

    /// <summary>Every insured month of every place, each once (1.(3) SKILL_PERSON).</summary>
    public IReadOnlySet<YearMonth> InsuredMonths => Places.SelectMany(p => p.Months).ToHashSet();

    /// <summary>
    /// 1.(3) Decision "receiving benefit" on <paramref name="day"/>: true when a grant of the hub covers it; unknown (null)
    /// while a claim applied for on or before it is not decided yet (its grant could cover it); otherwise false.
    /// </summary>
    public bool? ReceivingBenefitOn(DateOnly day) =>
        BenefitGrants.Any(g => g.Covers(day)) ? true
        : PendingClaims.Any(c => c.AppliedOn <= day) ? null
        : false;

    /// <summary>No facts at all: a person the hub holds nothing of.</summary>
    public static PersonFacts None(string residentId) => new(residentId, new HashSet<YearMonth>(), [], [], [], []);
}

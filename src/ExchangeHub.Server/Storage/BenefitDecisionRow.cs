namespace ExchangeHub.Server.Storage;

/// <summary>
/// One benefit decision of a claim (table <c>benefit_decisions</c>), with the policy version and the SHA-256 of the
/// facts it used. <see cref="Reason"/>: DECIDED (first decision), FACTS_CHANGED or RECALCULATED (2.(4)).
/// </summary>
public sealed class BenefitDecisionRow
{
    public long Id { get; set; }
    public string ClaimId { get; set; } = "";
    /// <summary>GRANTED, REFUSED or UNDETERMINED.</summary>
    public string Outcome { get; set; } = "";
    public int MaxMonths { get; set; }
    public int CarriedOverMonths { get; set; }
    public int ConsolidatedInsuredMonths { get; set; }
    public DateOnly DecidedOn { get; set; }
    public string Explanation { get; set; } = "";
    public string PolicyId { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    public string FactsSha256 { get; set; } = "";
    public long DecidedAtUnixMs { get; set; }
    public bool IsCurrent { get; set; }
    public long? SupersedesId { get; set; }
    public string Reason { get; set; } = "";
}

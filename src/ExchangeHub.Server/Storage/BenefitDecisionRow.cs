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
    /// <summary>The grant date: a recalculation (2.(4)) keeps the original one.</summary>
    public DateOnly DecidedOn { get; set; }
    /// <summary>The decision date D the facts were taken as of (a recalculation's is the day it was made).</summary>
    public DateOnly DecisionDate { get; set; }
    public string Explanation { get; set; } = "";
    /// <summary>
    /// An UNDETERMINED decision's missing facts, comma-separated (2.(3): it names what is missing, e.g.
    /// <c>SeparationReason</c>); empty otherwise.
    /// </summary>
    public string MissingFacts { get; set; } = "";
    public string PolicyId { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    public string FactsSha256 { get; set; } = "";
    /// <summary>The facts themselves (the canonical JSON hashed into <see cref="FactsSha256"/>), so the decision can be replayed.</summary>
    public string FactsJson { get; set; } = "";
    /// <summary>Knowledge time T: the facts were read as the hub knew them at this instant (Unix ms); later records are excluded.</summary>
    public long KnowledgeTimeUnixMs { get; set; }
    public long DecidedAtUnixMs { get; set; }
    public bool IsCurrent { get; set; }
    public long? SupersedesId { get; set; }
    public string Reason { get; set; } = "";
}

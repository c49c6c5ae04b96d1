namespace ExchangeHub.Server.Storage;

/// <summary>
/// One skill-upgrade subsidy decision for a certificate (table <c>skill_subsidy_decisions</c>), with the policy
/// version and the SHA-256 of the facts it used. The person is named by the pseudonymous key only.
/// </summary>
public sealed class SkillSubsidyDecisionRow
{
    public long Id { get; set; }
    public string CertificateNumber { get; set; } = "";
    public string PersonKey { get; set; } = "";
    /// <summary>Kept with the decision: the once-per-occupation-and-level and no-lower rules read earlier grants.</summary>
    public string OccupationCode { get; set; } = "";
    public int Level { get; set; }
    /// <summary>GRANTED, REFUSED or UNDETERMINED.</summary>
    public string Outcome { get; set; } = "";
    public long AmountFen { get; set; }
    /// <summary>The decision date, which is the grant date (2.(2): the yearly cap counts grants by grant date).</summary>
    public DateOnly DecidedOn { get; set; }
    public string Explanation { get; set; } = "";
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
}

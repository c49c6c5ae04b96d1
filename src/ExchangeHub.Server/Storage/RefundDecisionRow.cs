namespace ExchangeHub.Server.Storage;

/// <summary>
/// One job-retention refund decision for a unit and program year (table <c>refund_decisions</c>), with the facts and
/// the policy version it used, so it can be reproduced. A later decision supersedes it and says why.
/// </summary>
public sealed class RefundDecisionRow
{
    public long Id { get; set; }
    public string Uscc { get; set; } = "";
    public int ProgramYear { get; set; }
    public string RunId { get; set; } = "";
    /// <summary>ELIGIBLE, INELIGIBLE, HELD or UNDETERMINED.</summary>
    public string Outcome { get; set; } = "";
    public long AmountFen { get; set; }
    /// <summary>The rate as invariant decimal text ("0.6"), empty when not computable.</summary>
    public string Rate { get; set; } = "";
    public long BaseFen { get; set; }
    public string SizeClass { get; set; } = "";
    public string SizeClassSource { get; set; } = "";
    public string DivisionCode { get; set; } = "";
    public bool LabourDispatch { get; set; }
    public string PolicyId { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    /// <summary>SHA-256 of the canonical facts JSON: the facts version.</summary>
    public string FactsSha256 { get; set; } = "";
    public string Facts { get; set; } = "";
    public string Explanation { get; set; } = "";
    public long DecidedAtUnixMs { get; set; }
    /// <summary>"FACTS" valid time: the decision date D the facts were taken as of.</summary>
    public DateOnly DecisionDate { get; set; }
    /// <summary>"FACTS" knowledge time T: only versions the hub had recorded at T (Unix milliseconds, UTC) were used.</summary>
    public long KnowledgeTimeUnixMs { get; set; }
    public bool IsCurrent { get; set; }
    public long? SupersedesId { get; set; }
    public string SupersedeReason { get; set; } = "";
}

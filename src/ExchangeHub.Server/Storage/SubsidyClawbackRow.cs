namespace ExchangeHub.Server.Storage;

/// <summary>
/// A double subsidy for one certificate (1.(3) SKILL_NO_DOUBLE): the subsidy paid later, to be recovered from its
/// recipient (table <c>subsidy_clawbacks</c>, one per certificate).
/// </summary>
public sealed class SubsidyClawbackRow
{
    public long Id { get; set; }
    public string CertificateNumber { get; set; } = "";
    /// <summary>SKILL_UPGRADE or VOCATIONAL_TRAINING.</summary>
    public string RecoveredSubsidy { get; set; } = "";
    /// <summary>UNIT or PERSON.</summary>
    public string RecipientKind { get; set; } = "";
    /// <summary>The unit's USCC or the person's pseudonymous key (never a resident id).</summary>
    public string RecipientKey { get; set; } = "";
    public long AmountFen { get; set; }
    public DateOnly PaidOn { get; set; }
    public long SkillDecisionId { get; set; }
    public string Explanation { get; set; } = "";
    public long DecidedAtUnixMs { get; set; }
}

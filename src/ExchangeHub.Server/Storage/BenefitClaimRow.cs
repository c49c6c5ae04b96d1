namespace ExchangeHub.Server.Storage;

/// <summary>
/// An unemployment-benefit claim (table <c>benefit_claims</c>). The resident id is stored because operators look claims
/// up by it; events and decisions name the person by <see cref="PersonKey"/> only.
/// </summary>
public sealed class BenefitClaimRow
{
    public long Id { get; set; }
    public string ClaimId { get; set; } = "";
    public string PersonKey { get; set; } = "";
    public string ResidentId { get; set; } = "";
    public DateOnly AppliedOn { get; set; }
    /// <summary>Decide-by day (2.(3)); null when undetermined.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>
    /// Why <see cref="DueOn"/> is null (2.(3) calendar coverage, e.g. "due date undetermined: calendar xinjiang year 2026
    /// not covered"): the overdue check skips the claim. Null when the due day is known.
    /// </summary>
    public string? DueUndetermined { get; set; }
    /// <summary>Channel names separated by commas, e.g. "APP,SMS".</summary>
    public string Channels { get; set; } = "";
    /// <summary>A <see cref="StoredProgrammeCodes.Separation"/> code (Benefits/BenefitCodes maps the policy's reason); null when unknown.</summary>
    public string? Separation { get; set; }
    public bool? RegisteredUnemployed { get; set; }
    /// <summary>Previous spell's first benefit month "YYYY-MM"; null for a first spell.</summary>
    public string? PreviousFirstBenefitMonth { get; set; }
    public int PreviousEntitledMonths { get; set; }
    public int PreviousReceivedMonths { get; set; }
    /// <summary>SUBMITTED or DECIDED.</summary>
    public string Status { get; set; } = "";
    public bool OverdueNotified { get; set; }
    public long SubmittedAtUnixMs { get; set; }
}

namespace ExchangeHub.Server.Storage;

// The codes the database holds, with their values written out: every SQL text and every reader and writer uses these,
// never a literal and never the contract's enum numbers by accident. Feed records keep the numbers they were validated
// with at ingestion (stored = contract value, fixed here so a renumbered contract cannot silently change stored data);
// the hub's own states are UPPER_SNAKE text, spelled one way.

/// <summary>contribution_lines.kind.</summary>
public static class StoredLineKind
{
    public const int Regular = 1;
    public const int BackPayment = 2;
    public const int LateFee = 3;

    /// <summary>SQL list of the kinds that make a person insured in a month (REGULAR, BACK_PAYMENT).</summary>
    public const string InsuredKindsSql = "(1, 2)";
}

/// <summary>transfer_requests.direction (the national system's feed).</summary>
public static class StoredTransferDirection
{
    public const int In = 1;
    public const int Out = 2;
}

/// <summary>reconciliation_runs.status.</summary>
public static class StoredRunStatus
{
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
}

/// <summary>benefit_claims.status.</summary>
public static class StoredClaimStatus
{
    public const string Submitted = "SUBMITTED";
    public const string Decided = "DECIDED";
}

/// <summary>refund_cases.state (the refund workflow's states, UPPER_SNAKE as the contract spells them).</summary>
public static class StoredRefundState
{
    public const string Offered = "OFFERED";
    public const string AwaitingApplication = "AWAITING_APPLICATION";
    public const string DisbursementApproved = "DISBURSEMENT_APPROVED";
    public const string Waived = "WAIVED";
    public const string Held = "HELD";
    public const string Ineligible = "INELIGIBLE";
    public const string Undetermined = "UNDETERMINED";
}

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

/// <summary>
/// The codes of benefit claims and skill subsidies, one nested class per column. Benefits/BenefitCodes and
/// Skills/SkillCodes map the policy's enums to them one by one.
/// </summary>
public static class StoredProgrammeCodes
{
    /// <summary>benefit_decisions.outcome and skill_subsidy_decisions.outcome.</summary>
    public static class Outcome
    {
        public const string Granted = "GRANTED";
        public const string Refused = "REFUSED";
        public const string Undetermined = "UNDETERMINED";
    }

    /// <summary>benefit_decisions.reason: why a claim was decided (again).</summary>
    public static class DecisionReason
    {
        /// <summary>The claim's first decision.</summary>
        public const string Decided = "DECIDED";

        /// <summary>Decided again: the facts or the policy changed.</summary>
        public const string FactsChanged = "FACTS_CHANGED";

        /// <summary>A granted period recalculated (2.(4)).</summary>
        public const string Recalculated = "RECALCULATED";
    }

    /// <summary>benefit_claims.separation.</summary>
    public static class Separation
    {
        public const string ContractExpired = "CONTRACT_EXPIRED";
        public const string TerminatedByEmployer = "TERMINATED_BY_EMPLOYER";
        public const string DismissedByEmployer = "DISMISSED_BY_EMPLOYER";
        public const string ResignedForEmployerFault = "RESIGNED_FOR_EMPLOYER_FAULT";
        public const string Resignation = "RESIGNATION";
    }

    /// <summary>benefit_claims.channels: these names, separated by commas (also the reply's and the events' text).</summary>
    public static class Channel
    {
        public const string App = "APP";
        public const string Sms = "SMS";
        public const string Wechat = "WECHAT";
        public const string OfficialAccount = "OFFICIAL_ACCOUNT";
        public const string QrCode = "QR_CODE";
    }

    /// <summary>subsidy_clawbacks.recovered_subsidy.</summary>
    public static class Subsidy
    {
        public const string SkillUpgrade = "SKILL_UPGRADE";
        public const string VocationalTraining = "VOCATIONAL_TRAINING";
    }

    /// <summary>subsidy_clawbacks.recipient_kind.</summary>
    public static class Recipient
    {
        public const string Person = "PERSON";
        public const string Unit = "UNIT";
    }

    /// <summary>training_subsidy_payments.recipient_kind: the feed's number, as validated at ingestion.</summary>
    public static class TrainingRecipient
    {
        public const int Unit = 1;
        public const int Person = 2;
    }
}

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

/// <summary>units.organisation_type (market regulation's feed; the contract's numbers).</summary>
public static class StoredOrganisationType
{
    public const int Enterprise = 1;
    public const int SocialOrganisation = 2;
    public const int Foundation = 3;
    public const int SocialServiceOrganisation = 4;
    public const int LawFirm = 5;
    public const int AccountingFirm = 6;
    public const int IndividualBusiness = 7;
    public const int GovernmentBody = 8;
    public const int PublicInstitution = 9;
}

/// <summary>units.registration_status.</summary>
public static class StoredRegistrationStatus
{
    public const int Active = 1;
    public const int Deregistered = 2;
    public const int Revoked = 3;
}

/// <summary>units.size_class.</summary>
public static class StoredSizeClass
{
    /// <summary>Market regulation has not classified the unit yet (proto SIZE_CLASS_UNSPECIFIED): a missing fact, never a class.</summary>
    public const int NotClassified = 0;
    public const int Large = 1;
    public const int Medium = 2;
    public const int Small = 3;
    public const int Micro = 4;
}

/// <summary>units.size_class_source.</summary>
public static class StoredSizeClassSource
{
    /// <summary>No class, so no source (proto SIZE_CLASS_SOURCE_UNSPECIFIED, only with an unclassified unit).</summary>
    public const int NotClassified = 0;
    public const int Provisional = 1;
    public const int Official = 2;
}

/// <summary>settlement_statuses.status (the tax bureaus' feed).</summary>
public static class StoredSettlementStatus
{
    public const int Settled = 1;
    public const int Arrears = 2;
    public const int Deferred = 3;
}

/// <summary>training_subsidy_payments.recipient_kind (the skill-certification feed).</summary>
public static class StoredRecipientKind
{
    public const int Unit = 1;
    public const int Person = 2;
}

/// <summary>transfer_requests.consolidation_place (the national system's feed).</summary>
public static class StoredConsolidationPlace
{
    public const int LastInsured = 1;
    public const int HouseholdRegistration = 2;
}

/// <summary>
/// The contract's enums → the codes above, one explicit arm per member, for the feeds' writers. The validation has
/// already rejected UNSPECIFIED and unknown numbers (<c>Fields.Enum</c>), so reaching the default arm is a bug: it throws
/// rather than store a number nobody reads. (skill_certificates.level is the contract's int32 level 1 to 5, stored as is.)
/// </summary>
public static class StoredCode
{
    public static int Of(V1.ContributionKind value) => value switch
    {
        V1.ContributionKind.Regular => StoredLineKind.Regular,
        V1.ContributionKind.BackPayment => StoredLineKind.BackPayment,
        V1.ContributionKind.LateFee => StoredLineKind.LateFee,
        _ => throw Unstorable(value),
    };

    public static int Of(V1.SettlementStatus value) => value switch
    {
        V1.SettlementStatus.Settled => StoredSettlementStatus.Settled,
        V1.SettlementStatus.Arrears => StoredSettlementStatus.Arrears,
        V1.SettlementStatus.Deferred => StoredSettlementStatus.Deferred,
        _ => throw Unstorable(value),
    };

    public static int Of(V1.OrganisationType value) => value switch
    {
        V1.OrganisationType.Enterprise => StoredOrganisationType.Enterprise,
        V1.OrganisationType.SocialOrganisation => StoredOrganisationType.SocialOrganisation,
        V1.OrganisationType.Foundation => StoredOrganisationType.Foundation,
        V1.OrganisationType.SocialServiceOrganisation => StoredOrganisationType.SocialServiceOrganisation,
        V1.OrganisationType.LawFirm => StoredOrganisationType.LawFirm,
        V1.OrganisationType.AccountingFirm => StoredOrganisationType.AccountingFirm,
        V1.OrganisationType.IndividualBusiness => StoredOrganisationType.IndividualBusiness,
        V1.OrganisationType.GovernmentBody => StoredOrganisationType.GovernmentBody,
        V1.OrganisationType.PublicInstitution => StoredOrganisationType.PublicInstitution,
        _ => throw Unstorable(value),
    };

    public static int Of(V1.RegistrationStatus value) => value switch
    {
        V1.RegistrationStatus.Active => StoredRegistrationStatus.Active,
        V1.RegistrationStatus.Deregistered => StoredRegistrationStatus.Deregistered,
        V1.RegistrationStatus.Revoked => StoredRegistrationStatus.Revoked,
        _ => throw Unstorable(value),
    };

    public static int Of(V1.SizeClass value) => value switch
    {
        V1.SizeClass.Large => StoredSizeClass.Large,
        V1.SizeClass.Medium => StoredSizeClass.Medium,
        V1.SizeClass.Small => StoredSizeClass.Small,
        V1.SizeClass.Micro => StoredSizeClass.Micro,
        V1.SizeClass.Unspecified => StoredSizeClass.NotClassified,
        _ => throw Unstorable(value),
    };

    public static int Of(V1.SizeClassSource value) => value switch
    {
        V1.SizeClassSource.Provisional => StoredSizeClassSource.Provisional,
        V1.SizeClassSource.Official => StoredSizeClassSource.Official,
        V1.SizeClassSource.Unspecified => StoredSizeClassSource.NotClassified,
        _ => throw Unstorable(value),
    };

    public static int Of(V1.SubsidyRecipientKind value) => value switch
    {
        V1.SubsidyRecipientKind.Unit => StoredRecipientKind.Unit,
        V1.SubsidyRecipientKind.Person => StoredRecipientKind.Person,
        _ => throw Unstorable(value),
    };

    public static int Of(V1.TransferDirection value) => value switch
    {
        V1.TransferDirection.In => StoredTransferDirection.In,
        V1.TransferDirection.Out => StoredTransferDirection.Out,
        _ => throw Unstorable(value),
    };

    public static int Of(V1.ConsolidationPlace value) => value switch
    {
        V1.ConsolidationPlace.LastInsured => StoredConsolidationPlace.LastInsured,
        V1.ConsolidationPlace.HouseholdRegistration => StoredConsolidationPlace.HouseholdRegistration,
        _ => throw Unstorable(value),
    };

    private static ArgumentOutOfRangeException Unstorable<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        new(nameof(value), value, $"{typeof(TEnum).Name} {value} has no stored code (validation should have rejected it)");
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

/// <summary>
/// transfer_cases.status and .direction (the hub's own states, UPPER_SNAKE); the feed's consolidation place is
/// <see cref="StoredConsolidationPlace"/>.
/// </summary>
public static class StoredTransferCase
{
    public const string Requested = "REQUESTED";
    public const string Accepted = "ACCEPTED";
    public const string Sent = "SENT";
    public const string Received = "RECEIVED";
    public const string Completed = "COMPLETED";
    public const string Refused = "REFUSED";

    public const string In = "IN";
    public const string Out = "OUT";
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

/// <summary>request_ids.state (Common/Retries).</summary>
public static class StoredRequestIdState
{
    public const string Running = "RUNNING";
    public const string Replied = "REPLIED";
}

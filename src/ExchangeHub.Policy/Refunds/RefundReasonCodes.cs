namespace ExchangeHub.Policy.Refunds;

/// <summary>Rule ids and stable reason codes of the job-retention refund (1.(2), 2.(1)); the server may reference them.</summary>
public static class RefundReasonCodes
{
    // Rule ids (POLICY.md).
    public const string RuleWindow = "REFUND_WINDOW";
    public const string RuleOrgType = "REFUND_ORG_TYPE";
    public const string RuleActive = "REFUND_ACTIVE";
    public const string RulePaidMonths = "REFUND_PAID_MONTHS";
    public const string RuleArrears = "REFUND_ARREARS";
    public const string RuleLayoff = "REFUND_LAYOFF";
    public const string RuleDeferral = "REFUND_DEFERRAL";
    public const string RuleBase = "REFUND_BASE";
    public const string RuleAmount = "REFUND_AMOUNT";
    public const string RuleAdjustment = "REFUND_ADJUSTMENT";
    public const string RuleSizeClass = "REFUND_SIZE_CLASS";

    /// <summary>"FACTS": the unit's record and its sources; checked only when a unit record is missing or its sources disagree.</summary>
    public const string RuleUnitSources = "REFUND_UNIT_SOURCES";

    /// <summary>
    /// Issue 13: deciding the unit failed (an exception in the rules or their arithmetic). The unit is UNDETERMINED
    /// naming the fact <see cref="DecisionFact"/>, the run goes on with the other units, and the hub logs the exception.
    /// </summary>
    public const string RuleDecision = "REFUND_DECISION";
    public const string DecisionFailed = "REFUND_DECISION_FAILED";
    public const string DecisionFact = "Decision";

    // Reason codes.
    public const string WindowOpen = "REFUND_WINDOW_OPEN";
    public const string WindowClosed = "REFUND_WINDOW_CLOSED";
    public const string OrgTypeCovered = "REFUND_ORG_TYPE_COVERED";
    public const string OrgTypeNotCovered = "REFUND_ORG_TYPE_NOT_COVERED";
    public const string OrgTypeMissing = "REFUND_ORG_TYPE_MISSING";
    public const string RegistrationActive = "REFUND_REGISTRATION_ACTIVE";
    public const string RegistrationNotActive = "REFUND_REGISTRATION_NOT_ACTIVE";
    public const string RegistrationMissing = "REFUND_REGISTRATION_MISSING";
    public const string PaidMonthsMet = "REFUND_PAID_MONTHS_MET";
    public const string PaidMonthsPendingDeferral = "REFUND_PAID_MONTHS_PENDING_DEFERRAL";
    public const string PaidMonthsBelowMinimum = "REFUND_PAID_MONTHS_BELOW_MINIMUM";
    public const string PaidMonthsSettlementMissing = "REFUND_PAID_MONTHS_SETTLEMENT_MISSING";
    public const string NoArrears = "REFUND_NO_ARREARS";
    public const string Arrears = "REFUND_ARREARS";
    public const string ArrearsSettlementMissing = "REFUND_ARREARS_SETTLEMENT_MISSING";
    public const string NoLayoff = "REFUND_NO_LAYOFF";
    public const string LayoffRateWithinTarget = "REFUND_LAYOFF_RATE_WITHIN_TARGET";
    public const string LayoffRateWithinSmallUnitCap = "REFUND_LAYOFF_RATE_WITHIN_SMALL_UNIT_CAP";
    public const string LayoffRateAboveTarget = "REFUND_LAYOFF_RATE_ABOVE_TARGET";
    public const string LayoffRateAboveSmallUnitCap = "REFUND_LAYOFF_RATE_ABOVE_SMALL_UNIT_CAP";
    public const string NoInsuredInAssessmentYear = "REFUND_NO_INSURED_IN_ASSESSMENT_YEAR";
    public const string NoDeferralUnpaid = "REFUND_NO_DEFERRAL_UNPAID";
    public const string DeferralUnpaid = "REFUND_DEFERRAL_UNPAID";
    public const string BaseAssessmentYearOnly = "REFUND_BASE_ASSESSMENT_YEAR_ONLY";
    public const string BaseExclusionsApplied = "REFUND_BASE_EXCLUSIONS_APPLIED";
    public const string BaseMissing = "REFUND_BASE_MISSING";
    public const string AmountRateBySizeClass = "REFUND_AMOUNT_RATE_BY_SIZE_CLASS";
    public const string AmountSizeClassMissing = "REFUND_AMOUNT_SIZE_CLASS_MISSING";
    public const string AdjustmentPayRest = "REFUND_ADJUSTMENT_PAY_REST";
    public const string AdjustmentRecover = "REFUND_ADJUSTMENT_RECOVER";
    public const string AdjustmentNone = "REFUND_ADJUSTMENT_NONE";
    public const string AdjustmentNotPaid = "REFUND_ADJUSTMENT_NOT_PAID";
    public const string SizeClassAgrees = "REFUND_SIZE_CLASS_AGREES";
    public const string SizeClassMismatch = "REFUND_SIZE_CLASS_MISMATCH";
    public const string SizeClassComputed = "REFUND_SIZE_CLASS_COMPUTED";
    public const string SizeClassIndustryNotCovered = "REFUND_SIZE_CLASS_INDUSTRY_NOT_COVERED";
    public const string SizeClassIndicatorMissing = "REFUND_SIZE_CLASS_INDICATOR_MISSING";
    public const string SizeClassTableMissing = "REFUND_SIZE_CLASS_TABLE_MISSING";

    // 2.(1) "Decision (dated actions)": an offer, confirmation, waiver or application dated outside the programme window.
    /// <summary>The action's business date is after the programme's last day: no new offer, confirmation, waiver or application.</summary>
    public const string ProgrammeEnded = "REFUND_PROGRAMME_ENDED";
    /// <summary>The action's business date is before the programme's first day.</summary>
    public const string ProgrammeNotStarted = "REFUND_PROGRAMME_NOT_STARTED";

    // 2.(1) "Decision (settlement)": a disbursed refund re-decided at its frozen decision date with newer knowledge.
    /// <summary>The OFFICIAL size class (or a corrected provisional one) changed the rate: 多退少补.</summary>
    public const string SettledSizeClass = "REFUND_SETTLED_SIZE_CLASS";
    /// <summary>A corrected or late-reported line of Y−1 received on or before D changed the base.</summary>
    public const string SettledBaseCorrected = "REFUND_SETTLED_BASE_CORRECTED";
    /// <summary>Newer knowledge of a fact in force on D changed whether the unit qualifies at all.</summary>
    public const string SettledEligibilityCorrected = "REFUND_SETTLED_ELIGIBILITY_CORRECTED";

    // "FACTS" (missing is not zero; sources).
    /// <summary>A month of Y−1, from the unit's first month with lines through December, with neither lines nor a settlement status.</summary>
    public const string MonthDataMissing = "REFUND_MONTH_DATA_MISSING";
    /// <summary>Premiums or settlements for a USCC market regulation never reported.</summary>
    public const string UnitRecordMissing = "REFUND_UNIT_RECORD_MISSING";
    /// <summary>Two agencies report a unit fact the rules use differently.</summary>
    public const string UnitSourcesConflict = "REFUND_UNIT_SOURCES_CONFLICT";
}

namespace ExchangeHub.Server.Reconciliation;

/// <summary>Stable codes of reconciliation exceptions. An exception is reported for people to resolve; it never changes a decision by itself.</summary>
public static class ExceptionCodes
{
    /// <summary>Contribution lines for a USCC market regulation has never reported.</summary>
    public const string UnknownUnit = "CONTRIBUTIONS_FOR_UNKNOWN_UNIT";

    /// <summary>Contribution lines for periods after the unit was deregistered or revoked.</summary>
    public const string AfterDeregistration = "CONTRIBUTIONS_AFTER_DEREGISTRATION";

    /// <summary>The reported size class disagrees with 统计上大中小微型企业划分办法 (2017) applied to the unit's figures.</summary>
    public const string SizeClassMismatch = "SIZE_CLASS_MISMATCH";

    /// <summary>1.(1): a line's amounts differ from round(wage base × rate in force in its period) by more than 1 fen.</summary>
    public const string RateMismatch = "CONTRIBUTION_RATE_MISMATCH";

    /// <summary>A month with premium lines but no settlement status from the tax bureau: the refund cannot be decided.</summary>
    public const string SettlementMissing = "SETTLEMENT_STATUS_MISSING";

    /// <summary>A month marked SETTLED by the tax bureau with no premium line received for it.</summary>
    public const string SettledWithoutPremiums = "SETTLED_WITHOUT_PREMIUMS";

    /// <summary>"FACTS" sources: two agencies report a unit fact the rules use differently for one USCC; the refund waits (UNDETERMINED).</summary>
    public const string UnitSourcesConflict = "UNIT_SOURCES_CONFLICT";

    /// <summary>Issue 13: the unit's checks threw on its facts (logged with the exception); the run went on with the other units.</summary>
    public const string UnitCheckFailed = "UNIT_CHECK_FAILED";

    /// <summary>Every code, for the list filter (an unknown code is INVALID_ARGUMENT naming code, not an empty page).</summary>
    public static readonly IReadOnlyList<string> All =
        [UnknownUnit, AfterDeregistration, SizeClassMismatch, RateMismatch, SettlementMissing, SettledWithoutPremiums, UnitSourcesConflict, UnitCheckFailed];
}

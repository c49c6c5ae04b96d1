using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>One generated unit: what market regulation reports and what the generator planned for it.</summary>
public sealed class SyntheticUnit
{
    public required int Index { get; init; }
    public required string Uscc { get; init; }
    public required string Name { get; init; }
    public required string DivisionCode { get; init; }
    public required OrganisationType OrganisationType { get; init; }
    public required RegistrationStatus RegistrationStatus { get; init; }
    public required DateOnly RegisteredDate { get; init; }
    public DateOnly? StatusDate { get; init; }
    public required string IndustryCode { get; init; }
    public required SizeClass SizeClass { get; init; }
    public required long Employees { get; init; }
    public required long RevenueFen { get; init; }
    public long? TotalAssetsFen { get; init; }
    public bool LabourDispatch { get; init; }
    public required string TaxOfficeCode { get; init; }

    /// <summary>The XPCC's official class, sent as revision 2 in the late pass; null when it never arrives.</summary>
    public SizeClass? OfficialSizeClass { get; internal set; }

    public LayoffPlan LayoffPlan { get; internal set; }

    public SettlementPlan SettlementPlan { get; internal set; }

    /// <summary>First and last month (1–12 of the assessment year) in arrears or deferred; 0 when none.</summary>
    public int UnpaidFrom { get; internal set; }

    public int UnpaidTo { get; internal set; }

    /// <summary>Insured persons in January and December of the assessment year, as the lines will show.</summary>
    public int JanuaryHeadcount { get; internal set; }

    public int DecemberHeadcount { get; internal set; }

    /// <summary>True when <paramref name="month"/> (1–12) has no on-time premiums (arrears or deferral).</summary>
    public bool IsUnpaid(int month) => UnpaidFrom != 0 && month >= UnpaidFrom && month <= UnpaidTo;

    /// <summary>True when the unpaid months are paid up in the late pass.</summary>
    public bool ClearsLater => SettlementPlan is SettlementPlan.ArrearsCleared or SettlementPlan.DeferralCleared;

    /// <summary>The layoff threshold of 1.(2) in per mille: 200 (20%) for 30 or fewer insured, else 55 (5.5%).</summary>
    public int LayoffThresholdPerMille => JanuaryHeadcount <= 30 ? 200 : 55;
}

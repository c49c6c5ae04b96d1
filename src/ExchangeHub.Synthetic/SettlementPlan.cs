namespace ExchangeHub.Synthetic;

/// <summary>What happens to a unit's premiums for some months of the assessment year (2.(1), 1.(2) REFUND_ARREARS).</summary>
public enum SettlementPlan
{
    /// <summary>Every month SETTLED on time.</summary>
    OnTime,

    /// <summary>Months in ARREARS (欠费), paid later: back payments, late fees and SETTLED as a second revision.</summary>
    ArrearsCleared,

    /// <summary>Months in ARREARS still unpaid: the unit is ineligible.</summary>
    ArrearsOpen,

    /// <summary>Approved deferral (缓缴), paid up later: back payments and SETTLED as a second revision.</summary>
    DeferralCleared,

    /// <summary>Deferred months still unpaid: the refund is held.</summary>
    DeferralOpen,
}

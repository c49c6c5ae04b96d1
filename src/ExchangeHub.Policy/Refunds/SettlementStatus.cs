namespace ExchangeHub.Policy.Refunds;

/// <summary>Settlement status of one month of a unit's premiums, as known at decision time.</summary>
public enum SettlementStatus
{
    Settled,
    Arrears,

    /// <summary>Approved deferral (缓缴) not yet paid up: the refund is held (REFUND_DEFERRAL).</summary>
    Deferred,
}

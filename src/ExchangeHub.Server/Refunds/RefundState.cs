namespace ExchangeHub.Server.Refunds;

/// <summary>Where a unit stands in the refund workflow of a program year (2.(1)).</summary>
public enum RefundState
{
    /// <summary>Decided eligible and offered without application (免申即享); waiting for the unit to confirm or waive.</summary>
    Offered,

    /// <summary>A labour-dispatch unit that qualifies: never offered automatically, it applies itself (自主申请).</summary>
    AwaitingApplication,

    /// <summary>Confirmed by the unit; the disbursement is approved (the amount is on the case).</summary>
    DisbursementApproved,

    /// <summary>The unit waived the offer; it may still apply until the program ends.</summary>
    Waived,

    /// <summary>Qualifies but approved deferral months are unpaid (REFUND_DEFERRAL).</summary>
    Held,

    /// <summary>Does not qualify.</summary>
    Ineligible,

    /// <summary>A fact is missing.</summary>
    Undetermined,
}

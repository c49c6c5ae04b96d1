namespace ExchangeHub.Policy.Refunds;

/// <summary>How the server offers an eligible refund (2.(1) 免申即享 / 自主申请); the workflow itself is the server's.</summary>
public enum RefundOffer
{
    /// <summary>Not eligible (yet): nothing to offer.</summary>
    None,

    /// <summary>Offered without application; the unit confirms or waives.</summary>
    Automatic,

    /// <summary>Labour-dispatch unit (or dispatch flag unknown): since 2024-01-01 it applies itself, then the same rules decide.</summary>
    OnApplication,
}

namespace ExchangeHub.Policy.Refunds;

/// <summary>Kind of a contribution line; only REGULAR and BACK_PAYMENT lines count towards the refund base.</summary>
public enum LineKind
{
    Regular,
    BackPayment,
    LateFee,
}

namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// A refund whose disbursement is approved, as a settlement (2.(1) "Decision (settlement)") compares with it: the
/// amount paid so far (the approved amount, adjusted by earlier settlements) and the rate, base and size class of the
/// decision it was last settled on. <see cref="DecisionDate"/> is the frozen decision date D.
/// </summary>
public sealed record PaidRefund(
    long AmountFen,
    decimal? Rate,
    long? BaseFen,
    SizeClass? SizeClass,
    SizeClassSource? SizeClassSource,
    DateOnly DecisionDate);

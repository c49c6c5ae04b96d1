using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// A refund decision. <see cref="AmountFen"/> is the amount to pay, non-zero only when ELIGIBLE; <see cref="Rate"/> and
/// <see cref="BaseFen"/> are reported whenever they could be computed. <see cref="DecidedOn"/> is the input decision date.
/// </summary>
public sealed record RefundDecision(
    string Uscc,
    RefundOutcome Outcome,
    long AmountFen,
    decimal? Rate,
    long? BaseFen,
    SizeClass? SizeClass,
    SizeClassSource? SizeClassSource,
    int? ProgramYear,
    DateOnly DecidedOn,
    RefundOffer Offer,
    Explanation Explanation);

namespace ExchangeHub.Policy.SizeClasses;

/// <summary>
/// The bound that decided the computed class: for LARGE the large bound met with the least margin; otherwise the bound
/// of the class above that was not met. <see cref="Threshold"/> and <see cref="Value"/> are persons, or fen.
/// </summary>
public sealed record DecidingBound(SizeIndicator Indicator, SizeClass BoundOf, long Threshold, long Value, bool Met);

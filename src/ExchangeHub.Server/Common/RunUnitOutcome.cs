using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Common;

/// <summary>What deciding one unit did: <see cref="Outcome"/> is null when its decision stands unchanged; <see cref="AmountFen"/> counts towards the run's total.</summary>
public sealed record RunUnitOutcome(RefundOutcome? Outcome, long AmountFen);

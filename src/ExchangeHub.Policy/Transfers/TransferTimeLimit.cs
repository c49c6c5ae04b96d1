using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Transfers;

/// <summary>The last day the transferring-out side may act on a request (2.(4)); null with the reason when it cannot be counted.</summary>
public sealed record TransferTimeLimit(DateOnly RequestedOn, DateOnly? DueOn, string? DueUndetermined, RuleCheck Check);

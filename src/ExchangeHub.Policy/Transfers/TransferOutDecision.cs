using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Transfers;

/// <summary>
/// A transfer-out's fund and last day to act (2.(4)). <see cref="FundAmountFen"/> is null when no fund parameter is in
/// force on the request date; <see cref="DueOn"/> is null when the time limit cannot be counted, and
/// <see cref="DueUndetermined"/> then says why (e.g. "due date undetermined: calendar xinjiang year 2026 not covered").
/// </summary>
public sealed record TransferOutDecision(long? FundAmountFen, DateOnly? DueOn, string? DueUndetermined, Explanation Explanation);

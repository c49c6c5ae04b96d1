using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Rates;

/// <summary>The outcome of checking one contribution line against the rate in force in its period.</summary>
public sealed record ContributionRateResult(RateCheckStatus Status, long? ExpectedEmployerFen, long? ExpectedEmployeeFen, RuleCheck Check);

namespace ExchangeHub.Policy.Parameters;

/// <summary>From <see cref="MinInsuredMonths"/> cumulative insured months the benefit lasts at most <see cref="Months"/> months (1.(4)).</summary>
public sealed record DurationBracket(int MinInsuredMonths, int Months);

namespace ExchangeHub.Policy.Parameters;

/// <summary>Unemployment-insurance rate per side (1.(1)).</summary>
public sealed record ContributionRateParameters(DatedSeries<decimal> Employer, DatedSeries<decimal> Employee);

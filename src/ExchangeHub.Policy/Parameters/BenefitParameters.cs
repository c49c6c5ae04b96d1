namespace ExchangeHub.Policy.Parameters;

/// <summary>Unemployment-benefit parameters (1.(4), 失业保险条例 Art. 14, 17).</summary>
public sealed record BenefitParameters(
    DatedSeries<int> MinInsuredMonths,
    DatedSeries<IReadOnlyList<DurationBracket>> Durations,
    DatedSeries<int> MaxMonths);

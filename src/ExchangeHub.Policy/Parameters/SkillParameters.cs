namespace ExchangeHub.Policy.Parameters;

/// <summary>Skill-upgrade subsidy parameters (1.(3), 2.(2)), looked up at the certificate's issue date.</summary>
public sealed record SkillParameters(
    DatedSeries<bool> CertificateWindow,
    DatedSeries<int> MinInsuredMonths,
    DatedSeries<IReadOnlyDictionary<int, long>> AmountsFen,
    DatedSeries<int> YearlyCap);

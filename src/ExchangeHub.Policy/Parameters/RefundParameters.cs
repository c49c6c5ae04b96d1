using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Policy.Parameters;

/// <summary>Job-retention refund parameters (1.(2), 2.(1)); each is a dated series covering every programme window.</summary>
public sealed record RefundParameters(
    DatedSeries<RefundWindow> Window,
    DatedSeries<int> MinPaidMonths,
    DatedSeries<decimal> UnemploymentTarget,
    DatedSeries<int> SmallUnitThreshold,
    DatedSeries<decimal> SmallUnitLayoffCap,
    DatedSeries<LayoffFormula> LayoffFormula,
    DatedSeries<IReadOnlyDictionary<SizeClass, decimal>> Rates,
    DatedSeries<IReadOnlySet<OrganisationType>> CoveredOrganisationTypes);

using ExchangeHub.Policy;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// A transfer into the XPCC that was COMPLETED on or before the decision date (only then do its months count, 1.(3),
/// 1.(4)): the insured months it brings, the benefit months already paid at the other place, and its dates.
/// </summary>
public sealed record CompletedTransferIn(string TransferId, string ProvinceCode, IReadOnlySet<YearMonth> Months, int BenefitMonthsPaid,
    DateOnly RequestedOn, DateOnly CompletedOn)
{
    /// <summary>The insured place of the transfer: one place per transfer ("province:transfer id").</summary>
    public string PlaceCode => $"{ProvinceCode}:{TransferId}";
}

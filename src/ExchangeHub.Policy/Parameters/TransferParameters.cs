namespace ExchangeHub.Policy.Parameters;

/// <summary>
/// Cross-province transfer parameters (2.(4), the national practice the hub follows), looked up at the request date:
/// the transferring-out side acts within <see cref="ActWorkingDays"/> working days (on the national calendar plus
/// <see cref="CalendarRegions"/>); money moves only from <see cref="MinPaidMonths"/> months paid here; the fund is
/// <see cref="FundMultiplier"/> × monthly benefit × months due.
/// </summary>
public sealed record TransferParameters(
    DatedSeries<int> ActWorkingDays,
    DatedSeries<IReadOnlyList<string>> CalendarRegions,
    DatedSeries<int> MinPaidMonths,
    DatedSeries<decimal> FundMultiplier);

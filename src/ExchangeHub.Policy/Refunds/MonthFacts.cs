namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// One contribution month of a unit, as aggregated from the stored feeds: distinct persons with a REGULAR or
/// BACK_PAYMENT line for the period, the settlement status at decision time (null when unknown) and whether the
/// premiums were received. A month absent from the list had no lines (headcount 0). One record per period.
/// </summary>
public sealed record MonthFacts(YearMonth Period, int InsuredHeadcount, SettlementStatus? Settlement, bool PremiumsReceived);

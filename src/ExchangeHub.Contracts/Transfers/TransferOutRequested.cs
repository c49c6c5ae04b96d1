using MassTransit;

namespace ExchangeHub.Contracts.Transfers;

/// <summary>
/// The hub requested a transfer-out (the person chose a consolidation place elsewhere). Fund amount per 2.(4) practice:
/// money moves only when at least 12 months were paid here; then 1.5 × monthly benefit × months due.
/// </summary>
[MessageUrn("exchangehub.v1:TransferOutRequested")]
[EntityName("exchangehub.v1.transfer-out-requested")]
public sealed record TransferOutRequested : TransferEvent
{
    /// <summary>LAST_INSURED or HOUSEHOLD_REGISTRATION.</summary>
    public required string ConsolidationPlace { get; init; }

    /// <summary>Distinct months paid at the XPCC.</summary>
    public required int MonthsPaidHere { get; init; }

    /// <summary>The monthly benefit in fen the operator gave.</summary>
    public required long MonthlyBenefitFen { get; init; }

    /// <summary>Months of benefit still due.</summary>
    public required int MonthsDue { get; init; }

    /// <summary>The fund amount in fen; 0 when fewer than 12 months were paid here.</summary>
    public required long FundAmountFen { get; init; }
}

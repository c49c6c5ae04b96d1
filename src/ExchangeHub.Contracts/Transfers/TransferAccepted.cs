using MassTransit;

namespace ExchangeHub.Contracts.Transfers;

/// <summary>The operator accepted an incoming transfer request.</summary>
[MessageUrn("exchangehub.v1:TransferAccepted")]
[EntityName("exchangehub.v1.transfer-accepted")]
public sealed record TransferAccepted : TransferEvent
{
    /// <summary>The business date of the acceptance (2.(1) dated actions): on or after the request date, not after the day it was keyed in.</summary>
    public required DateOnly DecisionDate { get; init; }
}

using MassTransit;

namespace ExchangeHub.Contracts.Transfers;

/// <summary>The operator refused an incoming transfer request, with a concrete reason code (never "already transferred out").</summary>
[MessageUrn("exchangehub.v1:TransferRefused")]
[EntityName("exchangehub.v1.transfer-refused")]
public sealed record TransferRefused : TransferEvent
{
    /// <summary>One of the hub's transfer reason codes, e.g. TRANSFER_PERSON_UNKNOWN.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>The business date of the refusal (2.(1) dated actions): on or after the request date, not after the day it was keyed in.</summary>
    public required DateOnly DecisionDate { get; init; }
}

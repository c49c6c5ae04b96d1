namespace ExchangeHub.Contracts.Transfers;

/// <summary>The operator refused an incoming transfer request, with a concrete reason code (never "already transferred out").</summary>
public sealed record TransferRefused : TransferEvent
{
    /// <summary>One of the hub's transfer reason codes, e.g. TRANSFER_PERSON_UNKNOWN.</summary>
    public required string ReasonCode { get; init; }
}

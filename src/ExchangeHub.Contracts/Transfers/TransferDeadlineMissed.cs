namespace ExchangeHub.Contracts.Transfers;

/// <summary>
/// The hub, transferring out, did not act on a transfer-out within 5 working days of the request (2.(4) practice):
/// still REQUESTED after its due date. Published once per transfer.
/// </summary>
public sealed record TransferDeadlineMissed : TransferEvent
{
    /// <summary>The request date.</summary>
    public required DateOnly RequestedOn { get; init; }

    /// <summary>The last day on which the hub was to act.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Today in China Standard Time when the hub noticed.</summary>
    public required DateOnly AsOf { get; init; }
}

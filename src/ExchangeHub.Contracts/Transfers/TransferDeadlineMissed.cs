using MassTransit;

namespace ExchangeHub.Contracts.Transfers;

/// <summary>
/// The hub did not act within 5 working days of a request (2.(4) practice): a transfer-out still REQUESTED after its
/// due date (<see cref="TransferEvent.Direction"/> OUT), or an incoming request neither accepted nor refused by its due
/// date (IN). Published once per transfer.
/// </summary>
[MessageUrn("exchangehub.v1:TransferDeadlineMissed")]
[EntityName("exchangehub.v1.transfer-deadline-missed")]
public sealed record TransferDeadlineMissed : TransferEvent
{
    /// <summary>The request date.</summary>
    public required DateOnly RequestedOn { get; init; }

    /// <summary>The last day on which the hub was to act (5 working days after the request, national and Xinjiang calendar).</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Today in China Standard Time when the hub noticed.</summary>
    public required DateOnly AsOf { get; init; }
}

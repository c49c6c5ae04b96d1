using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>The unit confirmed the offer (through the front office).</summary>
[MessageUrn("exchangehub.v1:RefundConfirmed")]
[EntityName("exchangehub.v1.refund-confirmed")]
public sealed record RefundConfirmed : RefundWorkflowEvent
{
    /// <summary>The refund confirmed, in fen.</summary>
    public required long AmountFen { get; init; }

    /// <summary>The front-office system (agency id) that recorded the confirmation.</summary>
    public required string RecordedBy { get; init; }

    /// <summary>Business date of the confirmation (2.(1) "Decision (dated actions)"), inside the programme window.</summary>
    public DateOnly? ConfirmedOn { get; init; }
}

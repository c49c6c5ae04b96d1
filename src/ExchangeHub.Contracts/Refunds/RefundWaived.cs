using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>The unit waived the offer; it is told it may still apply until the program ends (2.(1)).</summary>
[MessageUrn("exchangehub.v1:RefundWaived")]
[EntityName("exchangehub.v1.refund-waived")]
public sealed record RefundWaived : RefundWorkflowEvent
{
    /// <summary>Last day the unit may still apply: the programme's last day.</summary>
    public required DateOnly MayApplyUntil { get; init; }

    /// <summary>The front-office system (agency id) that recorded the waiver.</summary>
    public required string RecordedBy { get; init; }

    /// <summary>Business date of the waiver (2.(1) "Decision (dated actions)").</summary>
    public DateOnly? WaivedOn { get; init; }
}

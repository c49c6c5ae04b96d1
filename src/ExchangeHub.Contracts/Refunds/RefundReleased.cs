using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>A held refund is released: the deferred months are settled and the unit, decided again, qualifies. An offer follows.</summary>
[MessageUrn("exchangehub.v1:RefundReleased")]
[EntityName("exchangehub.v1.refund-released")]
public sealed record RefundReleased : RefundDecisionEvent
{
    /// <summary>The refund, in fen.</summary>
    public required long AmountFen { get; init; }
}

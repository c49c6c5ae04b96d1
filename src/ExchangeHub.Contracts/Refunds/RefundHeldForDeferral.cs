using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>1.(2) REFUND_DEFERRAL: the unit qualifies but has approved deferred months still unpaid; it is released once they are settled.</summary>
[MessageUrn("exchangehub.v1:RefundHeldForDeferral")]
[EntityName("exchangehub.v1.refund-held-for-deferral")]
public sealed record RefundHeldForDeferral : RefundDecisionEvent
{
    /// <summary>The refund the unit would receive now, in fen.</summary>
    public required long AmountFen { get; init; }
}

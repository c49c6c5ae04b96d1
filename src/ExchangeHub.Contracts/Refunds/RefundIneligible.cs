using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>The unit does not qualify; <see cref="ReasonCodes"/> lists every failed rule (never a vague refusal).</summary>
[MessageUrn("exchangehub.v1:RefundIneligible")]
[EntityName("exchangehub.v1.refund-ineligible")]
public sealed record RefundIneligible : RefundDecisionEvent
{
    /// <summary>Reason codes of the failed rules, e.g. REFUND_ARREARS.</summary>
    public required IReadOnlyList<string> ReasonCodes { get; init; }
}

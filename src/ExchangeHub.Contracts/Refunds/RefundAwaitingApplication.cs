using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>
/// 2.(1): a labour-dispatch unit (劳务派遣) qualifies but is not offered the refund automatically — since 2024-01-01
/// it applies itself (自主申请, ApplyForRefund) and is then decided by the same rules. Published where a run would
/// publish <see cref="RefundOffered"/>, once per decision, so subscribers need not poll for these units.
/// </summary>
[MessageUrn("exchangehub.v1:RefundAwaitingApplication")]
[EntityName("exchangehub.v1.refund-awaiting-application")]
public sealed record RefundAwaitingApplication : RefundDecisionEvent
{
    /// <summary>The refund the unit could apply for as of <see cref="DecisionDate"/>, in fen (rate × base, half-up to the fen).</summary>
    public required long AmountFen { get; init; }

    /// <summary>The decision date D the amount was decided as of (YYYY-MM-DD).</summary>
    public required DateOnly DecisionDate { get; init; }
}

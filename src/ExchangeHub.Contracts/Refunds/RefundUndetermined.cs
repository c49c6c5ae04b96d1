using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>A fact needed to decide is missing: nothing is guessed. The unit is decided again when the fact arrives.</summary>
[MessageUrn("exchangehub.v1:RefundUndetermined")]
[EntityName("exchangehub.v1.refund-undetermined")]
public sealed record RefundUndetermined : RefundDecisionEvent
{
    /// <summary>The missing facts, e.g. <c>OrganisationType</c> or <c>Months[2023-05].Settlement</c>.</summary>
    public required IReadOnlyList<string> MissingFacts { get; init; }
}

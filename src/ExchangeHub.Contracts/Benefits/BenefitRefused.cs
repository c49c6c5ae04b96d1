using MassTransit;

namespace ExchangeHub.Contracts.Benefits;

/// <summary>Unemployment benefit is refused; <see cref="ReasonCodes"/> lists every failed rule (the refusal states the exact reasons).</summary>
[MessageUrn("exchangehub.v1:BenefitRefused")]
[EntityName("exchangehub.v1.benefit-refused")]
public sealed record BenefitRefused : BenefitDecisionEvent
{
    /// <summary>Reason codes of the failed rules, e.g. BENEFIT_INSURED_MONTHS_BELOW_MINIMUM, BENEFIT_RESIGNATION, BENEFIT_NOT_REGISTERED.</summary>
    public required IReadOnlyList<string> ReasonCodes { get; init; }
}

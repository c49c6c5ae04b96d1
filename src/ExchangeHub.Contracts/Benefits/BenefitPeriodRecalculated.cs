using MassTransit;

namespace ExchangeHub.Contracts.Benefits;

/// <summary>
/// A running benefit's period changed because insured months from another place were consolidated (2.(4)): a transfer
/// in added months, e.g. 12 → 18.
/// </summary>
[MessageUrn("exchangehub.v1:BenefitPeriodRecalculated")]
[EntityName("exchangehub.v1.benefit-period-recalculated")]
public sealed record BenefitPeriodRecalculated : BenefitDecisionEvent
{
    /// <summary>The period before, in months.</summary>
    public required int OldMaxMonths { get; init; }

    /// <summary>The recalculated period, in months.</summary>
    public required int NewMaxMonths { get; init; }

    /// <summary>Consolidated insured months of the decision replaced.</summary>
    public required int OldConsolidatedInsuredMonths { get; init; }

    /// <summary>BENEFIT_RECALCULATED_LONGER, BENEFIT_RECALCULATED_SHORTER.</summary>
    public required string ReasonCode { get; init; }
}

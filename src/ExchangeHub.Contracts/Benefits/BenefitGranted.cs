using MassTransit;

namespace ExchangeHub.Contracts.Benefits;

/// <summary>Unemployment benefit is granted for at most <see cref="MaxMonths"/> months.</summary>
[MessageUrn("exchangehub.v1:BenefitGranted")]
[EntityName("exchangehub.v1.benefit-granted")]
public sealed record BenefitGranted : BenefitDecisionEvent
{
    /// <summary>The maximum benefit period in months (1.(4) BENEFIT_DURATION).</summary>
    public required int MaxMonths { get; init; }

    /// <summary>Insured months counted for this spell (from the previous spell's first benefit month on, when unemployed again).</summary>
    public required int InsuredMonthsCounted { get; init; }

    /// <summary>Months carried over from the previous spell, included in <see cref="MaxMonths"/>.</summary>
    public required int CarriedOverMonths { get; init; }
}

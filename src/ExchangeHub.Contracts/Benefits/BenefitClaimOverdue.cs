using MassTransit;

namespace ExchangeHub.Contracts.Benefits;

/// <summary>A claim was not decided by its due date (2.(3) CLAIM_TIME_LIMIT); published once per claim.</summary>
[MessageUrn("exchangehub.v1:BenefitClaimOverdue")]
[EntityName("exchangehub.v1.benefit-claim-overdue")]
public sealed record BenefitClaimOverdue : BenefitClaimEvent
{
    /// <summary>The application date.</summary>
    public required DateOnly AppliedOn { get; init; }

    /// <summary>The last day on which the claim was to be decided.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Today in China Standard Time when the hub noticed.</summary>
    public required DateOnly AsOf { get; init; }
}

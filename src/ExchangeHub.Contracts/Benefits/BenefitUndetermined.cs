using MassTransit;

namespace ExchangeHub.Contracts.Benefits;

/// <summary>The claim cannot be decided: a fact is missing (<see cref="MissingFacts"/>) or no parameter is in force.</summary>
[MessageUrn("exchangehub.v1:BenefitUndetermined")]
[EntityName("exchangehub.v1.benefit-undetermined")]
public sealed record BenefitUndetermined : BenefitDecisionEvent
{
    /// <summary>The facts the decision lacks, e.g. Separation, RegisteredUnemployed.</summary>
    public required IReadOnlyList<string> MissingFacts { get; init; }
}

using MassTransit;

namespace ExchangeHub.Contracts.Benefits;

/// <summary>What every benefit decision event carries: the stored decision, its date and every rule checked.</summary>
[MessageUrn("exchangehub.v1:BenefitDecisionEvent")]
[ExcludeFromTopology]
public abstract record BenefitDecisionEvent : BenefitClaimEvent
{
    /// <summary>The hub's id of the stored decision; query the claim for the history.</summary>
    public required long DecisionId { get; init; }

    /// <summary>The decision this one replaces when the facts changed; null for a first decision.</summary>
    public long? SupersedesDecisionId { get; init; }

    /// <summary>The decision date.</summary>
    public required DateOnly DecidedOn { get; init; }

    /// <summary>Distinct insured months over every place (months insured in two places count once).</summary>
    public required int ConsolidatedInsuredMonths { get; init; }

    /// <summary>Every rule checked, with its clause, reason code and the values it used.</summary>
    public IReadOnlyList<RuleOutcome> Explanation { get; init; } = [];
}

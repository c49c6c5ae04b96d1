using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>What every event about a job-retention refund decision (1.(2)) carries.</summary>
[MessageUrn("exchangehub.v1:RefundDecisionEvent")]
[ExcludeFromTopology]
public abstract record RefundDecisionEvent : HubEvent
{
    /// <summary>The unit's unified social credit code (also <see cref="HubEvent.SubjectKey"/>).</summary>
    public required string Uscc { get; init; }

    /// <summary>Program year, e.g. 2024 (assessment year 2023).</summary>
    public required int ProgramYear { get; init; }

    /// <summary>The hub's id of the stored decision; query it for the full explanation and history.</summary>
    public required long DecisionId { get; init; }

    /// <summary>The decision this one replaces, when facts changed (late or corrected lines, a settled month, an official size class).</summary>
    public long? SupersedesDecisionId { get; init; }

    /// <summary>Why the previous decision was replaced (which facts changed); empty for a first decision.</summary>
    public string SupersedeReason { get; init; } = "";

    /// <summary>Every rule checked, with its clause, reason code and the values it used.</summary>
    public IReadOnlyList<RuleOutcome> Explanation { get; init; } = [];
}

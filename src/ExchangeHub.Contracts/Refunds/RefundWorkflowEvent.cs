using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>What every event of the refund workflow (2.(1): offer, confirm, waive, remind, approve) carries.</summary>
[MessageUrn("exchangehub.v1:RefundWorkflowEvent")]
[ExcludeFromTopology]
public abstract record RefundWorkflowEvent : HubEvent
{
    /// <summary>The unit's unified social credit code.</summary>
    public required string Uscc { get; init; }

    /// <summary>Program year.</summary>
    public required int ProgramYear { get; init; }

    /// <summary>The decision the workflow step acts on.</summary>
    public required long DecisionId { get; init; }
}

namespace ExchangeHub.Server.Refunds;

/// <summary>What the workflow does with a new decision: the case's new state and which events to publish.</summary>
public sealed record WorkflowStep(RefundCase Case, IReadOnlyList<WorkflowEvent> Events);

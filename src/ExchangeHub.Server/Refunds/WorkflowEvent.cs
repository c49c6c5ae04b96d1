namespace ExchangeHub.Server.Refunds;

/// <summary>The kinds of refund event a workflow step publishes (mapped to ExchangeHub.Contracts.Refunds records).</summary>
public enum WorkflowEvent
{
    Offered,
    Released,
    Held,
    Ineligible,
    Undetermined,
    Adjusted,
    AwaitingApplication,
}

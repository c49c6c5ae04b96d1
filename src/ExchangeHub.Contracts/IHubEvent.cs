namespace ExchangeHub.Contracts;

/// <summary>
/// What every event the hub publishes carries. Events leave the hub through a durable outbox: an event is published
/// at least once, and a repeated delivery carries the same <see cref="EventId"/> (also the MassTransit MessageId), so
/// subscribers deduplicate on it.
/// </summary>
public interface IHubEvent
{
    /// <summary>Stable identifier of this event, fixed when the decision was stored; the same on every redelivery.</summary>
    Guid EventId { get; }

    /// <summary>When the hub took the decision or action the event reports (UTC).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>Id of the policy file the decision applied, e.g. <c>xpcc-2024</c>.</summary>
    string PolicyId { get; }

    /// <summary>Version of that policy file (its version and the SHA-256 of its bytes): with the facts version, a decision is reproducible.</summary>
    string PolicyVersion { get; }

    /// <summary>Whom the event is about: a unit's unified social credit code, or a person's pseudonymous key (never a resident id).</summary>
    string SubjectKey { get; }

    /// <summary>The reconciliation run or request that caused the event; events of one run share it.</summary>
    string CorrelationId { get; }
}

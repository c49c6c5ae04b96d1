using MassTransit;

namespace ExchangeHub.Contracts;

/// <summary>
/// What every event the hub publishes carries. Events leave the hub through a durable outbox: an event is published
/// at least once, and a repeated delivery carries the same <see cref="EventId"/> (also the MassTransit MessageId), so
/// subscribers deduplicate on it.
/// <para>
/// Names are a contract (docs/events.asyncapi.yaml): every event has a pinned message URN
/// (<c>urn:message:exchangehub.v1:&lt;Name&gt;</c>, MassTransit's <c>[MessageUrn]</c>) and its own fanout exchange
/// (<c>exchangehub.v1.&lt;kebab-name&gt;</c>, <c>[EntityName]</c>), independent of the C# type names; every event
/// exchange is also bound to <c>exchangehub.v1.events</c>, which carries them all. The abstract bases (HubEvent,
/// RefundDecisionEvent, …) have no exchange of their own.
/// </para>
/// <para>
/// Payload conventions: rule results are <c>"PASSED"</c> | <c>"FAILED"</c> | <c>"UNDETERMINED"</c>; rates are decimal
/// strings in canonical form (<c>"0.6"</c>, <c>"1"</c>); instants are ISO-8601 UTC; business dates
/// <c>YYYY-MM-DD</c>; enum-like strings are the proto enum value names without their prefix (<c>"ELIGIBLE"</c>,
/// <c>"SMALL"</c>, <c>"OFFICIAL"</c>).
/// </para>
/// </summary>
[MessageUrn("exchangehub.v1:IHubEvent")]
[EntityName("exchangehub.v1.events")]
public interface IHubEvent
{
    /// <summary>Stable identifier of this event, fixed when the decision was stored; the same on every redelivery.</summary>
    Guid EventId { get; }

    /// <summary>When the hub took the decision or action the event reports: an ISO-8601 instant in UTC (<c>…Z</c>).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>Id of the policy file the decision applied, e.g. <c>xpcc-2024</c>.</summary>
    string PolicyId { get; }

    /// <summary>Version of that policy file (its version and the SHA-256 of its bytes): with the facts version, a decision is reproducible.</summary>
    string PolicyVersion { get; }

    /// <summary>Whom the event is about: a unit's unified social credit code, or a person's pseudonymous key (never a resident id).</summary>
    string SubjectKey { get; }

    /// <summary>
    /// What caused the event, by one rule for every event: the run id for events a run caused (a reconciliation run,
    /// a skill-subsidy run, a recalculation, a periodic check); the caller's <c>request_id</c> for events a
    /// front-office call caused, when it sent one, else an id the hub draws for that call — the same for all events
    /// of one call or run. Never a decision id (those are in the payload).
    /// </summary>
    string CorrelationId { get; }
}

namespace ExchangeHub.Server.Storage;

/// <summary>
/// An event waiting for (or done with) the broker (table <c>outbox_messages</c>). Written in the same transaction as
/// the decision it reports; the relay publishes rows in <see cref="Sequence"/> order and sets <see cref="SentAtUnixMs"/>
/// only after the broker confirmed. Rows are never deleted by the relay.
/// </summary>
public sealed class OutboxMessageRow
{
    public long Sequence { get; set; }
    /// <summary>The event's stable id, used as the MassTransit MessageId on every publish attempt.</summary>
    public string MessageId { get; set; } = "";
    /// <summary>Full name of the event type in ExchangeHub.Contracts.</summary>
    public string MessageType { get; set; } = "";
    public string SubjectKey { get; set; } = "";
    public string CorrelationId { get; set; } = "";
    /// <summary>The event as JSON (System.Text.Json, web defaults).</summary>
    public string Payload { get; set; } = "";
    public long CreatedAtUnixMs { get; set; }
    public long? SentAtUnixMs { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// Set when the relay gave up trying the row (too many failed attempts, or a payload it cannot publish): its subject's
    /// later rows wait behind it until an operator retries (clears this) or releases it (<see cref="ReleasedAtUnixMs"/>).
    /// </summary>
    public long? ParkedAtUnixMs { get; set; }
    /// <summary>
    /// The W3C <c>traceparent</c> of the activity that wrote the row (a feed call, a run's chunk), so the relay's publish
    /// continues that trace and the event's headers carry it; null when tracing was off or the row predates it.
    /// </summary>
    public string? TraceParent { get; set; }
    /// <summary>Set when an operator gave the parked row up: it is never published and its subject's next rows go on.</summary>
    public long? ReleasedAtUnixMs { get; set; }
}

namespace ExchangeHub.Server.Outbox;

/// <summary>An unsent outbox row as the relay reads it; <see cref="TraceParent"/> is the trace it continues (null: none).</summary>
public sealed record PendingMessage(long Sequence, Guid MessageId, string MessageType, string SubjectKey, string Payload, string? TraceParent = null);

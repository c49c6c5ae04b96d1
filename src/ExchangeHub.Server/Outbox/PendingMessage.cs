namespace ExchangeHub.Server.Outbox;

/// <summary>An unsent outbox row as the relay reads it.</summary>
public sealed record PendingMessage(long Sequence, Guid MessageId, string MessageType, string SubjectKey, string Payload);

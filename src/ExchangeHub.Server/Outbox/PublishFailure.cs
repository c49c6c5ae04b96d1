namespace ExchangeHub.Server.Outbox;

/// <summary>A row whose publish failed or timed out; it stays unsent and its attempt is recorded.</summary>
public sealed record PublishFailure(long Sequence, string Error);

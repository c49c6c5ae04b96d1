namespace ExchangeHub.Server.Outbox;

/// <summary>
/// A row whose publish failed or timed out; it stays unsent and its attempt is recorded. <paramref name="Poison"/>: the
/// row itself cannot be published (<see cref="PoisonMessageException"/>) and is parked at once.
/// </summary>
public sealed record PublishFailure(long Sequence, string Error, bool Poison = false);

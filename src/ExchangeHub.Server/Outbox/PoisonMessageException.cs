namespace ExchangeHub.Server.Outbox;

/// <summary>
/// An outbox row that no retry can publish: its payload is not a JSON object or its type is not an event of the contract.
/// The relay parks it at once instead of retrying it with back-off; the broker is not to blame.
/// </summary>
public sealed class PoisonMessageException(string message) : Exception(message);

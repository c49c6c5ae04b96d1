namespace ExchangeHub.Server.Outbox;

/// <summary>
/// What one relay round did: rows read, confirmed by the broker (and marked sent), failed (attempt recorded), and the
/// oldest failure's error.
/// </summary>
public sealed record OutboxRound(int Read, int Confirmed, int Failed, string? FirstError = null)
{
    public static readonly OutboxRound Empty = new(0, 0, 0);
}

namespace ExchangeHub.Cli.Outbox;

/// <summary>A parked outbox row as the operator sees it: <c>Id</c> is the row's sequence, the id retry and release take.</summary>
public sealed record ParkedEvent(long Id, string Subject, string Type, int Attempts, string Error, DateTimeOffset ParkedAt);

namespace ExchangeHub.Server.Telemetry;

/// <summary>What the outbox holds, as the gauges report it: unsent rows, the age of the oldest relayable one, parked rows.</summary>
public sealed record OutboxBacklog(long Unsent, double OldestUnsentAgeSeconds, long Parked);

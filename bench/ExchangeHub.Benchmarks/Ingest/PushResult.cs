using ExchangeHub.V1;

namespace ExchangeHub.Benchmarks.Ingest;

/// <summary>What one PushContributions call took and answered.</summary>
internal sealed record PushResult(long LinesSent, long Batches, TimeSpan Elapsed, IngestSummary Summary);

using ExchangeHub.Server.Common.Validation;

namespace ExchangeHub.Server.Feeds;

/// <summary>What writing one batch did.</summary>
public sealed class BatchOutcome
{
    public long Accepted { get; set; }
    public long Duplicate { get; set; }
    public long Corrected { get; set; }
    public List<(PendingRecord Record, RecordFault Fault)> Refused { get; } = [];
}

namespace ExchangeHub.Server.Feeds;

/// <summary>A validated record waiting to be written: its position in the call, identity and column values.</summary>
public sealed record PendingRecord(long BatchIndex, int RecordIndex, string SourceRecordId, int Revision, object?[] Values);

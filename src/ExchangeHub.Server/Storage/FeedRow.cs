namespace ExchangeHub.Server.Storage;

/// <summary>
/// Columns every stored feed record has: its identity (agency, source record id), its revision and when the hub
/// recorded this version. The business date a version applies from is a column of each record kind.
/// </summary>
public abstract class FeedRow
{
    public long Id { get; set; }
    public string AgencyId { get; set; } = "";
    public string SourceRecordId { get; set; } = "";
    public int Revision { get; set; }
    /// <summary>When the hub stored this version (Unix milliseconds, UTC).</summary>
    public long RecordedAtUnixMs { get; set; }
}

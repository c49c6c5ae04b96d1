namespace ExchangeHub.Server.Storage;

/// <summary>
/// A superseded version of a feed record (table <c>record_versions</c>), kept when a higher revision corrects it,
/// with both its dates: the business date it applied from and when the hub recorded it, plus when it was superseded.
/// </summary>
public sealed class RecordVersionRow
{
    public long Id { get; set; }
    /// <summary>The table of the current version, e.g. <c>contribution_lines</c>.</summary>
    public string RecordTable { get; set; } = "";
    public long RecordId { get; set; }
    public string AgencyId { get; set; } = "";
    public string SourceRecordId { get; set; } = "";
    public int Revision { get; set; }
    /// <summary>The business date this version applied from (received, status or request date).</summary>
    public DateOnly? AppliesFrom { get; set; }
    public long RecordedAtUnixMs { get; set; }
    public long SupersededAtUnixMs { get; set; }
    /// <summary>The superseded version's columns as a JSON object (column name → value).</summary>
    public string Content { get; set; } = "";
}

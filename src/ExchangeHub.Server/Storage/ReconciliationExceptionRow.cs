namespace ExchangeHub.Server.Storage;

/// <summary>
/// A mismatch between the agencies' data found by a run (table <c>reconciliation_exceptions</c>). It is reported,
/// never silently applied: it does not change a decision by itself.
/// </summary>
public sealed class ReconciliationExceptionRow
{
    public long Id { get; set; }
    public string RunId { get; set; } = "";
    public string Code { get; set; } = "";
    public string SubjectKey { get; set; } = "";
    public int? Period { get; set; }
    public string Detail { get; set; } = "";
    public long CreatedAtUnixMs { get; set; }
}

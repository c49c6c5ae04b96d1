namespace ExchangeHub.Server.Storage;

/// <summary>A reconciliation run (table <c>reconciliation_runs</c>); its id is the correlation id of its events.</summary>
public sealed class ReconciliationRunRow
{
    public string Id { get; set; } = "";
    public int ProgramYear { get; set; }
    /// <summary>The decision date D the run was started for (settlement-only runs re-decide each refund at its own frozen date).</summary>
    public DateOnly? DecisionDate { get; set; }
    public string RequestedBy { get; set; } = "";
    public string Status { get; set; } = "";
    public long StartedAtUnixMs { get; set; }
    public long? CompletedAtUnixMs { get; set; }
    public int Units { get; set; }
    public int Decided { get; set; }
    public int Unchanged { get; set; }
    public int Eligible { get; set; }
    public int Ineligible { get; set; }
    public int Held { get; set; }
    public int Undetermined { get; set; }
    public int Exceptions { get; set; }
    public long AmountFen { get; set; }
    public string PolicyId { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    public string Error { get; set; } = "";
}

namespace ExchangeHub.Server.Storage;

/// <summary>
/// Where a unit stands in the refund workflow of a program year (table <c>refund_cases</c>): offered, confirmed,
/// waived, approved… One row per unit and year; each step also writes its event to the outbox.
/// </summary>
public sealed class RefundCaseRow
{
    public long Id { get; set; }
    public string Uscc { get; set; } = "";
    public int ProgramYear { get; set; }
    public string State { get; set; } = "";
    public long CurrentDecisionId { get; set; }
    public DateOnly? OfferedOn { get; set; }
    public int RemindersSent { get; set; }
    public DateOnly? LastReminderOn { get; set; }
    public long? ApprovedDecisionId { get; set; }
    public long? ApprovedAmountFen { get; set; }
    public long UpdatedAtUnixMs { get; set; }
}

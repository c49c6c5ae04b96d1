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
    /// <summary>The decision the unit confirmed: its decision date is the refund's frozen D (2.(1) "Decision (settlement)").</summary>
    public long? ApprovedDecisionId { get; set; }
    public long? ApprovedAmountFen { get; set; }
    /// <summary>Business date of the confirmation (2.(1) "Decision (dated actions)").</summary>
    public DateOnly? ConfirmedOn { get; set; }
    /// <summary>Business date of the waiver.</summary>
    public DateOnly? WaivedOn { get; set; }
    /// <summary>Business date of the unit's latest application (自主申请, or after a waiver).</summary>
    public DateOnly? AppliedOn { get; set; }
    public long UpdatedAtUnixMs { get; set; }
}

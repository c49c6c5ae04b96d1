namespace ExchangeHub.Server.Storage;

/// <summary>
/// An incoming transfer request the hub neither accepted nor refused within 5 working days of the request, announced
/// once (table <c>transfer_deadline_notices</c>; a transfer-out's notice is <see cref="TransferCaseRow.DeadlineNotified"/>,
/// because a transfer-out has its case from the start).
/// </summary>
public sealed class TransferDeadlineNoticeRow
{
    /// <summary>The national system's source record id of the incoming request.</summary>
    public string TransferId { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public long NotifiedAtUnixMs { get; set; }
}

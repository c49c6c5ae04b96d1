namespace ExchangeHub.Server.Storage;

/// <summary>
/// One status of a transfer case as the hub recorded it (table <c>transfer_case_statuses</c>): every case insert and
/// every status change appends a row in the same transaction, so the case's state "on D as known at T" can be read
/// back after later changes (FACTS): the last status recorded at or before T whose status date is on or before D
/// (Facts/PersonFactsReader). <c>transfer_cases</c> keeps the current status only.
/// </summary>
public sealed class TransferCaseStatusRow
{
    /// <summary>Recording order: statuses only move forward (Transfers/TransferTransitions), so a higher id is the later step.</summary>
    public long Id { get; set; }
    public string TransferId { get; set; } = "";
    /// <summary>IN or OUT, as on the case.</summary>
    public string Direction { get; set; } = "";
    /// <summary>REQUESTED, ACCEPTED, SENT, RECEIVED, COMPLETED or REFUSED.</summary>
    public string Status { get; set; } = "";
    /// <summary>A transfer reason code when REFUSED.</summary>
    public string? ReasonCode { get; set; }
    /// <summary>The business date the status is true from (the national system's status date, or the hub's own, see <see cref="TransferCaseRow.StatusDate"/>).</summary>
    public DateOnly StatusDate { get; set; }
    /// <summary>When the hub recorded the status (its knowledge time).</summary>
    public long RecordedAtUnixMs { get; set; }

    /// <summary>
    /// The migration's copy of each existing case's current status into the history (the hub kept no earlier ones),
    /// recorded when the case was last updated. Run once by the migration that creates the table
    /// (<c>migrationBuilder.Sql(TransferCaseStatusRow.CopyCurrentStatusesSql)</c>); the same text on both providers.
    /// </summary>
    public const string CopyCurrentStatusesSql =
        "INSERT INTO transfer_case_statuses (transfer_id, direction, status, reason_code, status_date, recorded_at_unix_ms) "
        + "SELECT transfer_id, direction, status, reason_code, status_date, updated_at_unix_ms FROM transfer_cases ORDER BY id";
}

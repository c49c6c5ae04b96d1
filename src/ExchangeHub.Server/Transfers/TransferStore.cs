using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// The transfer cases' writes, and the reads they depend on, inside the caller's lease transaction: one typed command
/// per statement, named parameters, stored codes through <see cref="TransferCodes"/>.
/// </summary>
public static class TransferStore
{
    /// <summary>The case <paramref name="transferId"/>, as the transaction sees it; null if there is none.</summary>
    public static async Task<StoredTransfer?> FindAsync(WriterLease lease, string transferId, CancellationToken ct)
    {
        var select = lease.Command($"SELECT {TransferRows.CaseColumns} WHERE transfer_id = @transfer_id", 0).With("@transfer_id", transferId);
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? TransferRows.Case(reader) : null;
    }

    /// <summary>
    /// How a new case was decided: the facts it was decided on, the policy stamp and the explanation (a transfer-out's
    /// fund and time-limit checks, 2.(4); empty for an incoming request, the operator's choice). Its status date is on the case.
    /// </summary>
    public sealed record Decided(string FactsJson, string PolicyVersion, string ExplanationJson = "[]");

    /// <summary>Stores a new case, its first status in the status history.</summary>
    public static async Task InsertAsync(WriterLease lease, StoredTransfer t, Decided decided, DateTimeOffset now, CancellationToken ct)
    {
        // With several hubs on PostgreSQL: case ids become visible in id order, so a WatchTransferUpdates cursor skips none.
        await lease.LockAsync(LockScope.TransferCases, ["transfer_cases"], ct);
        await lease.Command(
                "INSERT INTO transfer_cases (transfer_id, direction, person_key, resident_id, counterpart_province_code, status, reason_code, "
                + "months_paid_here, fund_amount_fen, requested_on, due_on, due_undetermined, deadline_notified, updated_at_unix_ms, status_date, facts_json, "
                + "policy_version, explanation) "
                + "VALUES (@transfer_id, @direction, @person_key, @resident_id, @province, @status, @reason_code, @months_paid_here, "
                + "@fund_amount_fen, @requested_on, @due_on, @due_undetermined, FALSE, @now, @status_date, @facts_json, @policy_version, @explanation)", 0)
            .With("@transfer_id", t.TransferId)
            .With("@direction", TransferCodes.Name(t.Direction))
            .With("@person_key", t.PersonKey)
            .With("@resident_id", t.ResidentId)
            .With("@province", t.CounterpartProvinceCode)
            .With("@status", TransferCodes.Name(t.Status))
            .With("@reason_code", t.ReasonCode)
            .With("@months_paid_here", t.MonthsPaidHere)
            .With("@fund_amount_fen", t.FundAmountFen)
            .With("@requested_on", t.RequestedOn)
            .With("@due_on", t.DueOn)
            .With("@due_undetermined", t.DueUndetermined)
            .With("@now", now.ToUnixTimeMilliseconds())
            .With("@status_date", t.StatusDate)
            .With("@facts_json", decided.FactsJson)
            .With("@policy_version", decided.PolicyVersion)
            .With("@explanation", decided.ExplanationJson)
            .ExecuteNonQueryAsync(ct);
        await AppendStatusAsync(lease, t.TransferId, t.Direction, t.Status, t.ReasonCode, t.StatusDate, now, ct);
    }

    /// <summary>
    /// Gives the case its new status, reason code and the status's business date, and appends the status to the
    /// history (a status dated before the case's current one is kept there too: the state on an earlier D needs it).
    /// </summary>
    public static async Task SetStatusAsync(WriterLease lease, StoredTransfer current, TransferCaseStatus status, string? reasonCode,
        DateOnly statusDate, DateTimeOffset now, CancellationToken ct)
    {
        await lease.Command("UPDATE transfer_cases SET status = @status, reason_code = @reason_code, status_date = @status_date, updated_at_unix_ms = @now "
                + "WHERE transfer_id = @transfer_id", 0)
            .With("@status", TransferCodes.Name(status))
            .With("@reason_code", reasonCode)
            .With("@status_date", statusDate)
            .With("@now", now.ToUnixTimeMilliseconds())
            .With("@transfer_id", current.TransferId)
            .ExecuteNonQueryAsync(ct);
        await AppendStatusAsync(lease, current.TransferId, current.Direction, status, reasonCode, statusDate, now, ct);
    }

    /// <summary>One row of <c>transfer_case_statuses</c> (Storage/TransferCaseStatusRow), recorded now.</summary>
    private static Task<int> AppendStatusAsync(WriterLease lease, string transferId, TransferCaseDirection direction, TransferCaseStatus status,
        string? reasonCode, DateOnly statusDate, DateTimeOffset now, CancellationToken ct) =>
        lease.Command("INSERT INTO transfer_case_statuses (transfer_id, direction, status, reason_code, status_date, recorded_at_unix_ms) "
                + "VALUES (@transfer_id, @direction, @status, @reason_code, @status_date, @now)", 0)
            .With("@transfer_id", transferId)
            .With("@direction", TransferCodes.Name(direction))
            .With("@status", TransferCodes.Name(status))
            .With("@reason_code", reasonCode)
            .With("@status_date", statusDate)
            .With("@now", now.ToUnixTimeMilliseconds())
            .ExecuteNonQueryAsync(ct);

    /// <summary>
    /// Marks a transfer-out still REQUESTED as announced; false if it was already (the guard makes the notice once, also
    /// with several hubs on one database) or has moved on.
    /// </summary>
    public static async Task<bool> MarkOutNoticeAsync(WriterLease lease, string transferId, CancellationToken ct) =>
        await lease.Command("UPDATE transfer_cases SET deadline_notified = TRUE WHERE transfer_id = @transfer_id AND deadline_notified = FALSE "
                + "AND status = @status", 0)
            .With("@transfer_id", transferId)
            .With("@status", TransferCodes.Name(TransferCaseStatus.Requested))
            .ExecuteNonQueryAsync(ct) == 1;

    /// <summary>Records the notice of an undecided incoming request; false if it was already recorded (once, as above).</summary>
    public static async Task<bool> RecordIncomingNoticeAsync(WriterLease lease, string transferId, DateOnly dueOn, DateTimeOffset now,
        CancellationToken ct) =>
        await lease.Command("INSERT INTO transfer_deadline_notices (transfer_id, due_on, notified_at_unix_ms) VALUES (@transfer_id, @due_on, @now) "
                + "ON CONFLICT (transfer_id) DO NOTHING", 0)
            .With("@transfer_id", transferId)
            .With("@due_on", dueOn)
            .With("@now", now.ToUnixTimeMilliseconds())
            .ExecuteNonQueryAsync(ct) == 1;
}

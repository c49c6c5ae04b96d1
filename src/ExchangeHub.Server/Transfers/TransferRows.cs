using System.Data.Common;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// The columns of a transfer case, read the same way by <see cref="TransferStore"/> (in the lease's transaction) and
/// <see cref="TransferQueries"/> (on a reader connection). The feed's requests are read by Facts/TransferRequestsReader.
/// </summary>
public static class TransferRows
{
    /// <summary>A case's columns, in <see cref="Case"/>'s order, and its table.</summary>
    public const string CaseColumns =
        "transfer_id, direction, person_key, resident_id, counterpart_province_code, status, reason_code, months_paid_here, fund_amount_fen, "
        + "requested_on, due_on, deadline_notified, status_date, due_undetermined, facts_json, "
        + "(SELECT MIN(s.recorded_at_unix_ms) FROM transfer_case_statuses s WHERE s.transfer_id = transfer_cases.transfer_id) FROM transfer_cases";

    /// <summary>The case in the row's columns from <paramref name="o"/> on (<see cref="CaseColumns"/>).</summary>
    public static StoredTransfer Case(DbDataReader r, int o = 0) => new(r.GetString(o), TransferCodes.Direction(r.GetString(o + 1)),
        r.GetString(o + 2), r.GetString(o + 3), r.GetString(o + 4), TransferCodes.Status(r.GetString(o + 5)),
        r.IsDBNull(o + 6) ? null : r.GetString(o + 6), r.GetInt32(o + 7), r.GetInt64(o + 8), r.GetFieldValue<DateOnly>(o + 9),
        r.IsDBNull(o + 10) ? null : r.GetFieldValue<DateOnly>(o + 10), r.GetBoolean(o + 11), r.GetFieldValue<DateOnly>(o + 12),
        r.IsDBNull(o + 13) ? null : r.GetString(o + 13), KnowledgeTime(r.GetString(o + 14), r.IsDBNull(o + 15) ? null : r.GetInt64(o + 15)));

    /// <summary>T as the replay reads it: a transfer-out's facts carry KnownAtUnixMs; an incoming request's is its first status's record time.</summary>
    private static long? KnowledgeTime(string factsJson, long? firstRecorded) =>
        System.Text.Json.Nodes.JsonNode.Parse(factsJson.Length == 0 ? "{}" : factsJson)?["KnownAtUnixMs"] is { } known ? (long)known : firstRecorded;
}

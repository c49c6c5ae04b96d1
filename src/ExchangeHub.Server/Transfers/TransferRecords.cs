using ExchangeHub.V1;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// Stored transfers as the contract shows them (TransferService and PersonService): the one place <c>ExchangeHub.V1</c>
/// messages are built from stored data, and the contract's statuses mapped onto the workflow's.
/// </summary>
public static class TransferRecords
{
    public static TransferRecord ToContract(StoredTransfer t)
    {
        var record = new TransferRecord
        {
            TransferId = t.TransferId, Direction = Direction(t.Direction), PersonKey = t.PersonKey, CounterpartProvinceCode = t.CounterpartProvinceCode,
            Status = Status(t.Status), ReasonCode = TransferReasonCodes.ToContract(t.ReasonCode), MonthsPaidHere = t.MonthsPaidHere,
            FundAmountFen = t.FundAmountFen, RequestedDate = Date(t.RequestedOn), DueDate = t.DueOn is { } due ? Date(due) : "",
            DueDateUndetermined = t.DueUndetermined ?? "", DeadlineMissed = t.DeadlineNotified, StatusDate = Date(t.StatusDate),
            DecisionDate = Date(t.RequestedOn),
        };
        if (t.KnowledgeTimeUnixMs is { } known)
        {
            record.KnowledgeTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(known));
        }
        return record;
    }

    /// <summary>One of the hub's own changes as <c>WatchTransferUpdates</c> streams it (with the resident id, for the national system).</summary>
    public static WatchTransferUpdatesResponse ToUpdate(HubTransferUpdate update)
    {
        var t = update.Transfer;
        return new WatchTransferUpdatesResponse
        {
            Cursor = update.Cursor, TransferId = t.TransferId, Direction = Direction(t.Direction), Status = Status(update.Status),
            ReasonCode = TransferReasonCodes.ToContract(t.ReasonCode), ResidentId = t.ResidentId, CounterpartProvinceCode = t.CounterpartProvinceCode,
            MonthsPaidHere = t.MonthsPaidHere, FundAmountFen = t.FundAmountFen, RequestedDate = Date(t.RequestedOn),
        };
    }

    /// <summary>
    /// The workflow status a status report of the national system names; null for one it may not report (UNSPECIFIED,
    /// REQUESTED, ACCEPTED, a number the contract does not define).
    /// </summary>
    public static TransferCaseStatus? ReportedStatus(TransferStatus status) => status switch
    {
        TransferStatus.Sent => TransferCaseStatus.Sent,
        TransferStatus.Received => TransferCaseStatus.Received,
        TransferStatus.Completed => TransferCaseStatus.Completed,
        TransferStatus.Refused => TransferCaseStatus.Refused,
        _ => null,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static TransferDirection Direction(TransferCaseDirection direction) => direction switch
    {
        TransferCaseDirection.In => TransferDirection.In,
        TransferCaseDirection.Out => TransferDirection.Out,
        _ => TransferDirection.Unspecified,
    };

    private static TransferStatus Status(TransferCaseStatus status) => status switch
    {
        TransferCaseStatus.Requested => TransferStatus.Requested,
        TransferCaseStatus.Accepted => TransferStatus.Accepted,
        TransferCaseStatus.Sent => TransferStatus.Sent,
        TransferCaseStatus.Received => TransferStatus.Received,
        TransferCaseStatus.Completed => TransferStatus.Completed,
        TransferCaseStatus.Refused => TransferStatus.Refused,
        _ => TransferStatus.Unspecified,
    };
}

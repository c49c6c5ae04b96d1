using ExchangeHub.V1;

namespace ExchangeHub.Server.Transfers;

/// <summary>A stored transfer as the contract shows it (TransferService and PersonService).</summary>
public static class TransferRecords
{
    public static TransferRecord ToContract(StoredTransfer t) => new()
    {
        TransferId = t.TransferId, Direction = t.Direction == TransferWorkflow.In ? TransferDirection.In : TransferDirection.Out, PersonKey = t.PersonKey,
        CounterpartProvinceCode = t.CounterpartProvinceCode, Status = Status(t.Status), ReasonCode = TransferReasonCodes.ToContract(t.ReasonCode),
        MonthsPaidHere = t.MonthsPaidHere, FundAmountFen = t.FundAmountFen, RequestedDate = Date(t.RequestedOn),
        DueDate = t.DueOn is { } due ? Date(due) : "", DeadlineMissed = t.DeadlineNotified,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static TransferStatus Status(string status) => status switch
    {
        TransferWorkflow.Requested => TransferStatus.Requested,
        TransferWorkflow.Accepted => TransferStatus.Accepted,
        TransferWorkflow.Sent => TransferStatus.Sent,
        TransferWorkflow.Received => TransferStatus.Received,
        TransferWorkflow.Completed => TransferStatus.Completed,
        TransferWorkflow.Refused => TransferStatus.Refused,
        _ => TransferStatus.Unspecified,
    };
}

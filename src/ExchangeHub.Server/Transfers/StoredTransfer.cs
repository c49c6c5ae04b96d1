namespace ExchangeHub.Server.Transfers;

/// <summary>
/// A transfer as stored in <c>transfer_cases</c> (status and direction read through <see cref="TransferCodes"/>), with
/// the business date its status is true from (<see cref="Storage.TransferCaseRow.StatusDate"/>).
/// </summary>
public sealed record StoredTransfer(string TransferId, TransferCaseDirection Direction, string PersonKey, string ResidentId,
    string CounterpartProvinceCode, TransferCaseStatus Status, string? ReasonCode, int MonthsPaidHere, long FundAmountFen, DateOnly RequestedOn,
    DateOnly? DueOn, bool DeadlineNotified, DateOnly StatusDate);

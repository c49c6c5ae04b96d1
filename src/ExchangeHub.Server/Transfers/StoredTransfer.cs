namespace ExchangeHub.Server.Transfers;

/// <summary>A transfer as stored in <c>transfer_cases</c>.</summary>
public sealed record StoredTransfer(string TransferId, string Direction, string PersonKey, string ResidentId, string CounterpartProvinceCode,
    string Status, string? ReasonCode, int MonthsPaidHere, long FundAmountFen, DateOnly RequestedOn, DateOnly? DueOn, bool DeadlineNotified);

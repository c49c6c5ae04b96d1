namespace ExchangeHub.Server.Transfers;

/// <summary>
/// A transfer as stored in <c>transfer_cases</c> (status and direction read through <see cref="TransferCodes"/>), with
/// the business date its status is true from (<see cref="Storage.TransferCaseRow.StatusDate"/>). <see cref="DueOn"/> is
/// null for a transfer-in, or with <see cref="DueUndetermined"/> saying why (e.g. "due date undetermined: calendar
/// xinjiang year 2026 not covered"). <see cref="KnowledgeTimeUnixMs"/> is the knowledge time T it was decided with (as its
/// replay uses it: a transfer-out's facts' KnownAtUnixMs, an incoming request's first status record time); null when not known.
/// </summary>
public sealed record StoredTransfer(string TransferId, TransferCaseDirection Direction, string PersonKey, string ResidentId,
    string CounterpartProvinceCode, TransferCaseStatus Status, string? ReasonCode, int MonthsPaidHere, long FundAmountFen, DateOnly RequestedOn,
    DateOnly? DueOn, bool DeadlineNotified, DateOnly StatusDate, string? DueUndetermined = null, long? KnowledgeTimeUnixMs = null);

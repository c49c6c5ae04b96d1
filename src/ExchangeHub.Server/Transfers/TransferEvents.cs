using ExchangeHub.Contracts.Transfers;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// Builds the published transfer events (statuses and directions spelled by <see cref="TransferCodes"/>). Persons appear
/// only as pseudonymous keys.
/// </summary>
public static class TransferEvents
{
    public static TransferAccepted Accepted(StoredTransfer t, string policyId, string policyVersion, string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = TransferCodes.Name(t.Direction),
        CounterpartProvinceCode = t.CounterpartProvinceCode, DecisionDate = t.StatusDate,
    };

    public static TransferRefused Refused(StoredTransfer t, string reasonCode, string policyId, string policyVersion, string correlationId,
        DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = TransferCodes.Name(t.Direction),
        CounterpartProvinceCode = t.CounterpartProvinceCode, ReasonCode = reasonCode, DecisionDate = t.StatusDate,
    };

    public static TransferStatusChanged StatusChanged(StoredTransfer t, TransferCaseStatus newStatus, string? reasonCode, string policyId, string policyVersion,
        string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = TransferCodes.Name(t.Direction),
        CounterpartProvinceCode = t.CounterpartProvinceCode, OldStatus = TransferCodes.Name(t.Status), NewStatus = TransferCodes.Name(newStatus),
        ReasonCode = reasonCode,
    };

    public static TransferDeadlineMissed DeadlineMissed(StoredTransfer t, DateOnly today, string policyId, string policyVersion, string correlationId,
        DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = TransferCodes.Name(t.Direction),
        CounterpartProvinceCode = t.CounterpartProvinceCode, RequestedOn = t.RequestedOn, DueOn = t.DueOn!.Value, AsOf = today,
    };

    public static TransferOutRequested OutRequested(StoredTransfer t, string consolidationPlace, long monthlyBenefitFen, int monthsDue, string policyId,
        string policyVersion, string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = TransferCodes.Name(t.Direction),
        CounterpartProvinceCode = t.CounterpartProvinceCode, ConsolidationPlace = consolidationPlace, MonthsPaidHere = t.MonthsPaidHere,
        MonthlyBenefitFen = monthlyBenefitFen, MonthsDue = monthsDue, FundAmountFen = t.FundAmountFen,
    };
}

using ExchangeHub.Contracts.Transfers;

namespace ExchangeHub.Server.Transfers;

/// <summary>Builds the published transfer events. Persons appear only as pseudonymous keys.</summary>
public static class TransferEvents
{
    public static TransferAccepted Accepted(StoredTransfer t, string policyId, string policyVersion, string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = t.Direction,
        CounterpartProvinceCode = t.CounterpartProvinceCode,
    };

    public static TransferRefused Refused(StoredTransfer t, string reasonCode, string policyId, string policyVersion, string correlationId,
        DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = t.Direction,
        CounterpartProvinceCode = t.CounterpartProvinceCode, ReasonCode = reasonCode,
    };

    public static TransferStatusChanged StatusChanged(StoredTransfer t, string newStatus, string? reasonCode, string policyId, string policyVersion,
        string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = t.Direction,
        CounterpartProvinceCode = t.CounterpartProvinceCode, OldStatus = t.Status, NewStatus = newStatus, ReasonCode = reasonCode,
    };

    public static TransferDeadlineMissed DeadlineMissed(StoredTransfer t, DateOnly today, string policyId, string policyVersion, string correlationId,
        DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = t.Direction,
        CounterpartProvinceCode = t.CounterpartProvinceCode, RequestedOn = t.RequestedOn, DueOn = t.DueOn!.Value, AsOf = today,
    };

    public static TransferOutRequested OutRequested(StoredTransfer t, string consolidationPlace, long monthlyBenefitFen, int monthsDue, string policyId,
        string policyVersion, string correlationId, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = t.PersonKey,
        CorrelationId = correlationId, TransferId = t.TransferId, PersonKey = t.PersonKey, Direction = t.Direction,
        CounterpartProvinceCode = t.CounterpartProvinceCode, ConsolidationPlace = consolidationPlace, MonthsPaidHere = t.MonthsPaidHere,
        MonthlyBenefitFen = monthlyBenefitFen, MonthsDue = monthsDue, FundAmountFen = t.FundAmountFen,
    };
}

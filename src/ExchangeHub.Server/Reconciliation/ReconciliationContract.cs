using ExchangeHub.Server.Common;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>The read side's records as the reconciliation service's replies spell them (ExchangeHub.V1), beside <see cref="ReconciliationGrpcService"/>.</summary>
public static class ReconciliationContract
{
    public static ReconciliationRun ToContract(this ReconciliationRunView r) => new()
    {
        RunId = r.RunId, ProgramYear = r.ProgramYear, Status = r.Status, RequestedBy = r.RequestedBy, StartedAt = StoredExplanation.Iso(r.StartedAtUnixMs),
        CompletedAt = r.CompletedAtUnixMs is { } completed ? StoredExplanation.Iso(completed) : "", Units = r.Units, Decided = r.Decided,
        Unchanged = r.Unchanged, Eligible = r.Eligible, Ineligible = r.Ineligible, Held = r.Held, Undetermined = r.Undetermined,
        Exceptions = r.Exceptions, AmountFen = r.AmountFen, Policy = $"{r.PolicyId} {r.PolicyVersion}", Error = r.Error,
    };

    public static ReconciliationExceptionRecord ToContract(this ReconciliationExceptionView x) => new()
    {
        RunId = x.RunId, Code = x.Code, SubjectKey = x.SubjectKey, Period = x.Period is { } period ? Fields.FormatPeriod(period) : "", Detail = x.Detail,
    };
}

using ExchangeHub.Server.Common;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>
/// The read side's records as the reconciliation service's replies spell them (ExchangeHub.V1), beside
/// <see cref="ReconciliationGrpcService"/>: the status as its enum, instants as Timestamps, the policy stamp split, the
/// amounts split into offered / held / awaiting application.
/// </summary>
public static class ReconciliationContract
{
    public static ReconciliationRun ToContract(this ReconciliationRunView r)
    {
        var (version, sha256) = PolicyStamp.Split(r.PolicyVersion);
        var run = new ReconciliationRun
        {
            RunId = r.RunId, ProgramYear = r.ProgramYear, DecisionDate = r.DecisionDate is { } d ? StoredExplanation.Date(d) : "",
            Status = EnumNames.Parse<ReconciliationRunStatus>(r.Status), RequestedBy = r.RequestedBy, StartTime = StoredExplanation.Time(r.StartedAtUnixMs),
            Units = r.Units, Decided = r.Decided, Unchanged = r.Unchanged, Eligible = r.Eligible, Ineligible = r.Ineligible, Held = r.Held,
            Undetermined = r.Undetermined, Exceptions = r.Exceptions, OfferedAmountFen = r.Amounts.OfferedFen, HeldAmountFen = r.Amounts.HeldFen,
            AwaitingApplicationAmountFen = r.Amounts.AwaitingApplicationFen, PolicyId = r.PolicyId, PolicyVersion = version, PolicySha256 = sha256,
            Error = r.Error,
        };
        if (r.CompletedAtUnixMs is { } completed)
        {
            run.CompleteTime = StoredExplanation.Time(completed);
        }
        return run;
    }

    public static ReconciliationExceptionRecord ToContract(this ReconciliationExceptionView x) => new()
    {
        RunId = x.RunId, Code = x.Code, SubjectKey = x.SubjectKey, Period = x.Period is { } period ? Fields.FormatPeriod(period) : "", Detail = x.Detail,
    };
}

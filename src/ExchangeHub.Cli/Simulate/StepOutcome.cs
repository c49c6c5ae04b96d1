using ExchangeHub.Synthetic;
using ExchangeHub.V1;

namespace ExchangeHub.Cli.Simulate;

/// <summary>
/// What the hub answered to one push of the simulation. <see cref="AlreadyCorrected"/>: records of the on-time pass
/// refused STALE_REVISION because the hub already holds this simulation's own correction of them (a re-run).
/// </summary>
public sealed record StepOutcome(SimulationStep Step, IngestSummary Summary, long AlreadyCorrected, IReadOnlyList<RecordRejection> Rejections)
{
    /// <summary>Rejections that are not this simulation's own corrections.</summary>
    public long Rejected => Summary.Rejected - AlreadyCorrected;

    public static StepOutcome Of(SimulationStep step, IngestSummary summary, Func<IReadOnlySet<string>> corrected)
    {
        if (summary.Rejected == 0)
        {
            return new StepOutcome(step, summary, 0, []);
        }
        var ids = corrected();
        var own = summary.Rejections
            .Where(r => r.ReasonCode == RejectionCodes.StaleRevision && ids.Contains(r.SourceRecordId))
            .ToList();
        return new StepOutcome(step, summary, own.Count, summary.Rejections.Except(own).ToList());
    }
}

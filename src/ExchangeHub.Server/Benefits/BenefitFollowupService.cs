using ExchangeHub.Server.Common.Followups;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// Benefit claims follow the data (issue 14, item 3): the decided claims of a person whose insured months or transfers
/// a feed batch changed are decided again (<see cref="BenefitClaimWorkflow.FollowPersonsAsync"/>): a granted claim is
/// recalculated on its original decision date (2.(4)), a refused or undetermined one decided again as of its own
/// decision date with the new knowledge ("FACTS": final for its facts, so unchanged facts store nothing).
/// </summary>
public sealed class BenefitFollowupService(
    HubDatabase database,
    FollowupMarks marks,
    BenefitClaimWorkflow workflow,
    TimeProvider clock,
    ILogger<BenefitFollowupService> logger) : PersonFollowupLoop(database, marks, FollowupMarks.Benefit, clock, logger)
{
    protected override async Task<string?> FollowAsync(IReadOnlyList<string> residentIds, string roundId, CancellationToken ct)
    {
        var (claims, changed) = await workflow.FollowPersonsAsync(residentIds, roundId, ct);
        return $"{claims} decided claims, {changed} decided again";
    }
}

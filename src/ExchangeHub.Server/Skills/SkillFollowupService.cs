using ExchangeHub.Policy;
using ExchangeHub.Server.Common.Followups;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// Skill subsidies follow the data (issue 14, item 3): a person with a skill-subsidy decision whose facts a feed batch
/// changed — insured months, a certificate, a training subsidy paid for one, a transfer in — or whom the hub granted
/// benefit since (1.(3) "receiving benefit"), is decided again by the call's own path dated today
/// (<see cref="SkillSubsidyRunner.FollowAsync"/>): a granted subsidy stands, a refused or undetermined one is decided
/// again only when its facts changed, a training subsidy paid after a grant is recovered (SKILL_NO_DOUBLE).
/// </summary>
public sealed class SkillFollowupService(
    HubDatabase database,
    FollowupMarks marks,
    SkillSubsidyRunner runner,
    TimeProvider clock,
    ILogger<SkillFollowupService> logger) : PersonFollowupLoop(database, marks, FollowupMarks.Skill, clock, logger)
{
    protected override async Task<string?> FollowAsync(IReadOnlyList<string> residentIds, string roundId, CancellationToken ct) =>
        await runner.FollowAsync(Clock.ChinaToday(), residentIds, roundId, ct) is { } summary
            ? $"{summary.Certificates} certificates, {summary.Decided} decided again ({summary.Granted} granted), {summary.Clawbacks} clawbacks"
            : null;
}

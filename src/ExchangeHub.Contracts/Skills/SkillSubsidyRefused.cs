using MassTransit;

namespace ExchangeHub.Contracts.Skills;

/// <summary>The skill-upgrade subsidy is refused; <see cref="ReasonCodes"/> lists every failed rule.</summary>
[MessageUrn("exchangehub.v1:SkillSubsidyRefused")]
[EntityName("exchangehub.v1.skill-subsidy-refused")]
public sealed record SkillSubsidyRefused : SkillSubsidyDecisionEvent
{
    /// <summary>Reason codes of the failed rules, e.g. SKILL_YEARLY_CAP_REACHED, SKILL_LOWER_LEVEL_AFTER_HIGHER.</summary>
    public required IReadOnlyList<string> ReasonCodes { get; init; }
}

using MassTransit;

namespace ExchangeHub.Contracts.Skills;

/// <summary>The skill-upgrade subsidy is granted: pay <see cref="AmountFen"/> to the person.</summary>
[MessageUrn("exchangehub.v1:SkillSubsidyGranted")]
[EntityName("exchangehub.v1.skill-subsidy-granted")]
public sealed record SkillSubsidyGranted : SkillSubsidyDecisionEvent
{
    /// <summary>Amount by level (1.(3)): level 5 100,000 fen, level 4 150,000, level 3 200,000.</summary>
    public required long AmountFen { get; init; }
}

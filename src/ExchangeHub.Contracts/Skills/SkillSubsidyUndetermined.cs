using MassTransit;

namespace ExchangeHub.Contracts.Skills;

/// <summary>
/// The subsidy cannot be decided yet: a fact is missing (typically whether a person insured fewer than 12 months
/// receives unemployment benefit). Nothing is paid; the certificate is decided again when the fact arrives.
/// </summary>
[MessageUrn("exchangehub.v1:SkillSubsidyUndetermined")]
[EntityName("exchangehub.v1.skill-subsidy-undetermined")]
public sealed record SkillSubsidyUndetermined : SkillSubsidyDecisionEvent
{
    /// <summary>The missing facts, e.g. ReceivingBenefitOnIssueDate.</summary>
    public required IReadOnlyList<string> MissingFacts { get; init; }
}

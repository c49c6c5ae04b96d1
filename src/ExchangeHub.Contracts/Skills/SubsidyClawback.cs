using System.ComponentModel.DataAnnotations;
using MassTransit;

namespace ExchangeHub.Contracts.Skills;

/// <summary>
/// 1.(3) SKILL_NO_DOUBLE (SUBSIDY_CLAWBACK): a skill-upgrade subsidy and a vocational-training subsidy were both paid
/// for one certificate; recover the one paid later from whoever received it. <see cref="HubEvent.SubjectKey"/> is
/// <see cref="RecipientKey"/>.
/// </summary>
[MessageUrn("exchangehub.v1:SubsidyClawback")]
[EntityName("exchangehub.v1.subsidy-clawback")]
public sealed record SubsidyClawback : HubEvent
{
    /// <summary>The certificate both subsidies were paid for.</summary>
    public required string CertificateNumber { get; init; }

    /// <summary>The certificate holder's pseudonymous key (never the resident id).</summary>
    public required string PersonKey { get; init; }

    /// <summary>The subsidy to recover, the one paid later: SKILL_UPGRADE or VOCATIONAL_TRAINING.</summary>
    [AllowedValues("SKILL_UPGRADE", "VOCATIONAL_TRAINING")]
    public required string RecoverSubsidy { get; init; }

    /// <summary>Who received it: UNIT or PERSON.</summary>
    [AllowedValues("UNIT", "PERSON")]
    public required string RecipientKind { get; init; }

    /// <summary>From whom to recover: the unit's unified social credit code, or the person's pseudonymous key.</summary>
    public required string RecipientKey { get; init; }

    /// <summary>Amount to recover, in fen.</summary>
    public required long AmountFen { get; init; }

    /// <summary>When the recovered subsidy was paid (for a skill-upgrade subsidy: its grant date).</summary>
    public required DateOnly PaidOn { get; init; }

    /// <summary>The subsidy that stands: SKILL_UPGRADE or VOCATIONAL_TRAINING.</summary>
    public required string KeptSubsidy { get; init; }

    /// <summary>When the subsidy that stands was paid.</summary>
    public required DateOnly KeptPaidOn { get; init; }

    /// <summary>The hub's id of the skill-upgrade subsidy decision for the certificate.</summary>
    public required long SkillDecisionId { get; init; }

    /// <summary>The SKILL_NO_DOUBLE rule as checked.</summary>
    public IReadOnlyList<RuleOutcome> Explanation { get; init; } = [];
}

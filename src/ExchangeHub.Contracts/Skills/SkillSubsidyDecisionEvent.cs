using MassTransit;

namespace ExchangeHub.Contracts.Skills;

/// <summary>
/// What every event about a skill-upgrade subsidy decision (1.(3), 2.(2)) carries. The person is named only by the
/// pseudonymous <see cref="PersonKey"/> (also <see cref="HubEvent.SubjectKey"/>), never by the resident id.
/// </summary>
[MessageUrn("exchangehub.v1:SkillSubsidyDecisionEvent")]
[ExcludeFromTopology]
public abstract record SkillSubsidyDecisionEvent : HubEvent
{
    /// <summary>The certificate decided (the subsidy is decided per certificate).</summary>
    public required string CertificateNumber { get; init; }

    /// <summary>The certificate holder's pseudonymous key: HMAC-SHA256 of the resident id with the hub's secret, 32 hex characters.</summary>
    public required string PersonKey { get; init; }

    /// <summary>Occupation code <c>D-DD-DD-DD</c> (国家职业分类大典).</summary>
    public required string OccupationCode { get; init; }

    /// <summary>Skill level: 5 初级, 4 中级, 3 高级, 2 技师, 1 高级技师.</summary>
    public required int Level { get; init; }

    /// <summary>The hub's id of the stored decision; query it for the history.</summary>
    public required long DecisionId { get; init; }

    /// <summary>The decision this one replaces when the facts changed; null for a first decision.</summary>
    public long? SupersedesDecisionId { get; init; }

    /// <summary>The decision date, which is also the grant date (2.(2): the yearly cap counts grants by grant date).</summary>
    public required DateOnly DecidedOn { get; init; }

    /// <summary>Every rule checked, with its clause, reason code and the values it used.</summary>
    public IReadOnlyList<RuleOutcome> Explanation { get; init; } = [];
}

using ExchangeHub.Contracts;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// One stored skill-subsidy decision as a certificate's history or a person's file shows it, with its explanation;
/// <see cref="DecidedOn"/> is its decision date D, <see cref="KnowledgeTimeUnixMs"/> its knowledge time T.
/// </summary>
public sealed record SkillDecisionEntry(long Id, string CertificateNumber, string PersonKey, string OccupationCode, int Level, string Outcome,
    long AmountFen, DateOnly DecidedOn, string PolicyId, string PolicyVersion, string FactsSha256, long DecidedAtUnixMs, bool IsCurrent,
    long? SupersedesId, IReadOnlyList<RuleOutcome> Explanation, long KnowledgeTimeUnixMs);

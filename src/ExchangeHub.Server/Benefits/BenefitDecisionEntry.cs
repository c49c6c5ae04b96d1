using ExchangeHub.Contracts;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// One stored decision of a claim as its history shows it (<see cref="BenefitClaimQueries"/>), with its explanation and,
/// when UNDETERMINED, the facts it is missing (2.(3)); <see cref="DecisionDate"/> and <see cref="KnowledgeTimeUnixMs"/> are its D and T
/// ("FACTS"; a recalculation keeps the original <see cref="DecidedOn"/>).
/// </summary>
public sealed record BenefitDecisionEntry(long Id, string Outcome, int MaxMonths, int CarriedOverMonths, int ConsolidatedInsuredMonths,
    DateOnly DecidedOn, string PolicyId, string PolicyVersion, string FactsSha256, long DecidedAtUnixMs, bool IsCurrent, long? SupersedesId,
    string Reason, IReadOnlyList<RuleOutcome> Explanation, IReadOnlyList<string> MissingFacts, DateOnly DecisionDate, long KnowledgeTimeUnixMs);

using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Skills;

/// <summary>Grant with amount (fen), or refusal with the rules that failed; <see cref="AmountFen"/> is 0 unless granted.</summary>
public sealed record SkillSubsidyDecision(
    string PersonId,
    string CertificateNumber,
    SkillOutcome Outcome,
    long AmountFen,
    DateOnly DecidedOn,
    Explanation Explanation);

using ExchangeHub.Policy;

namespace ExchangeHub.Server.Skills;

/// <summary>Everything a decision call reads, once, before it writes.</summary>
public sealed record SkillInputs(
    IReadOnlyList<StoredCertificate> Certificates,
    IReadOnlyDictionary<string, HashSet<YearMonth>> InsuredMonths,
    IReadOnlyDictionary<string, StoredTrainingPayment> TrainingPayments,
    IReadOnlyDictionary<string, StoredSkillDecision> CurrentDecisions,
    IReadOnlySet<string> ClawedBack);

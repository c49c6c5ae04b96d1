
namespace ExchangeHub.Server.Facts;

/// <summary>Everything a decision call reads, once, before it writes: the facts as of its date, and the programme's own state.</summary>
public sealed record SkillInputs(
    CertificateFacts Facts,
    IReadOnlyDictionary<string, StoredSkillDecision> CurrentDecisions,
    IReadOnlySet<string> ClawedBack);

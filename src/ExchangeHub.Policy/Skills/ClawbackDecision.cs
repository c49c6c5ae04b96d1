using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Skills;

/// <summary>1.(3) SKILL_NO_DOUBLE: which of the two subsidies for one certificate is recovered, naming its recipient.</summary>
public sealed record ClawbackDecision(
    string CertificateNumber,
    ClawbackOutcome Outcome,
    SubsidyPayment? Recover,
    SubsidyPayment? Kept,
    Explanation Explanation);

namespace ExchangeHub.Server.Skills;

/// <summary>One stored clawback of a double subsidy: which subsidy is recovered from whom (a unit's code or a person's key).</summary>
public sealed record SkillClawbackEntry(string CertificateNumber, string RecoveredSubsidy, string RecipientKind, string RecipientKey, long AmountFen,
    DateOnly PaidOn, long DecidedAtUnixMs);

namespace ExchangeHub.Policy.Skills;

/// <summary>A skill-upgrade subsidy already granted to the person (any programme year).</summary>
public sealed record SkillGrant(string OccupationCode, int Level, DateOnly GrantedOn, string? CertificateNumber = null);

namespace ExchangeHub.Server.Skills;

/// <summary>A certificate's current skill-subsidy decision, as the next call compares against it.</summary>
public sealed record StoredSkillDecision(long Id, string CertificateNumber, string PersonKey, string OccupationCode, int Level, string Outcome,
    long AmountFen, DateOnly DecidedOn, string FactsSha256, string PolicyVersion);

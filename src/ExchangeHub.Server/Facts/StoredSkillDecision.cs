namespace ExchangeHub.Server.Facts;

/// <summary>
/// A certificate's current skill-subsidy decision, as the next call compares against it; <see cref="DecidedAtUnixMs"/>
/// is when the hub recorded it (orders a grant against a training payment of the same day, 1.(3) SKILL_NO_DOUBLE).
/// </summary>
public sealed record StoredSkillDecision(long Id, string CertificateNumber, string PersonKey, string OccupationCode, int Level, string Outcome,
    long AmountFen, DateOnly DecidedOn, string FactsSha256, string PolicyVersion, long DecidedAtUnixMs);

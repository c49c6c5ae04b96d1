namespace ExchangeHub.Server.Skills;

/// <summary>What one decision call did; <see cref="CorrelationId"/> is carried by all its events.</summary>
public sealed record SkillRunSummary(string CorrelationId, int Certificates, int Decided, int Unchanged, int Granted, int Refused, int Undetermined,
    int Clawbacks);

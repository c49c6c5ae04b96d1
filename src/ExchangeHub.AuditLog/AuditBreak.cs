namespace ExchangeHub.AuditLog;

/// <summary>The first place the audit chain is broken.</summary>
public sealed record AuditBreak(long Sequence, string Reason);

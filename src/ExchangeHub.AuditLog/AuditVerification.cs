namespace ExchangeHub.AuditLog;

/// <summary>Result of checking the whole audit trail.</summary>
public sealed record AuditVerification(long Rows, string HeadHash, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

namespace ExchangeHub.AuditLog;

/// <summary>
/// Result of checking the whole audit trail: the chain, every leaf, the tree at every stored checkpoint
/// (<see cref="Checkpoints"/>, the last <see cref="LatestCheckpoint"/>) and, when a public key was given, their
/// signatures (<see cref="SignaturesChecked"/>).
/// </summary>
public sealed record AuditVerification(long Rows, string HeadHash, AuditBreak? FirstBreak, long Checkpoints = 0,
    AuditCheckpoint? LatestCheckpoint = null, bool SignaturesChecked = false)
{
    public bool Intact => FirstBreak is null;
}

namespace ExchangeHub.Server.Storage;

/// <summary>A signed checkpoint of the audit trail's Merkle log (table <c>audit_checkpoints</c>; <c>ExchangeHub.AuditLog.AuditCheckpoint</c>).</summary>
public sealed class AuditCheckpointRow
{
    /// <summary>Entries covered: sequences 1…tree size.</summary>
    public long TreeSize { get; set; }
    public string RootHash { get; set; } = "";
    public long TimestampUnixMs { get; set; }
    public string KeyId { get; set; } = "";

    /// <summary>ECDSA P-256 / SHA-256, DER, base64.</summary>
    public string Signature { get; set; } = "";
}

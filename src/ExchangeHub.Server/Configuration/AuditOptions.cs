namespace ExchangeHub.Server.Configuration;

/// <summary>The audit trail's Merkle log (<c>Hub:Audit</c>; README "Audit trail").</summary>
public sealed class AuditOptions
{
    /// <summary>
    /// PEM file of the ECDSA P-256 private key that signs checkpoints (PKCS#8 or SEC1). Empty: the hub uses
    /// <c>audit-signing-key.pem</c> in its data directory, generating it (mode 0600) on first start. Replicas sharing
    /// one PostgreSQL database must be given the same file.
    /// </summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>How often the checkpointer looks for new entries; a checkpoint is signed within this of a commit (≤ 1 s).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Receipts (issue 15): on (the default), checkpoints are signed and every feed reply carries its leaf index, leaf
    /// hash and promised tree size. Off, no checkpoint is signed, replies carry only the chain entry
    /// (<c>audit_sequence</c>, <c>audit_entry_hash</c>) and AuditService answers FAILED_PRECONDITION
    /// <c>AUDIT_RECEIPTS_OFF</c>. Every entry still gets its Merkle leaf, so switching receipts on later signs over
    /// the whole trail; with them off, only a head kept elsewhere (<c>audit verify --expect-head</c>) catches a
    /// truncation. Meant for measuring their cost (bench <c>receipts</c>) and for hubs without outside witnesses.
    /// </summary>
    public bool Receipts { get; set; } = true;
}

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
}

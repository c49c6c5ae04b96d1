using MassTransit;

namespace ExchangeHub.Contracts;

/// <summary>
/// The hub signed a checkpoint of its audit Merkle log (issue 15), one event per checkpoint: a subscriber that keeps
/// them is a witness — a later checkpoint must be consistent with every one it kept (AuditService.GetConsistencyProof),
/// so the hub cannot shorten or rewrite the log unseen. <see cref="HubEvent.SubjectKey"/> is the log, "audit-log";
/// the correlation id is "audit-checkpoint-" and the tree size.
/// </summary>
[MessageUrn("exchangehub.v1:AuditCheckpointSigned")]
[EntityName("exchangehub.v1.audit-checkpoint-signed")]
public sealed record AuditCheckpointSigned : HubEvent
{
    /// <summary>Audit entries (leaves) the checkpoint covers.</summary>
    public required long TreeSize { get; init; }

    /// <summary>RFC 9162 root of those leaves, SHA-256, lowercase hex.</summary>
    public required string RootHash { get; init; }

    /// <summary>When the hub signed it, Unix milliseconds (the value the signature covers).</summary>
    public required long TimestampUnixMs { get; init; }

    /// <summary>Id of the signing key (AuditService.GetPublicKey).</summary>
    public required string KeyId { get; init; }

    /// <summary>Base64 DER ECDSA P-256 / SHA-256 signature over the checkpoint's lines (README "Merkle log").</summary>
    public required string Signature { get; init; }
}

namespace ExchangeHub.AuditLog;

/// <summary>
/// One link of the audit trail as the chain sees it (a row of table <c>audit_log</c>): the call's fields, the
/// previous row's hash and its own. <see cref="AuditChain.HashOf"/> covers every field but <see cref="Hash"/>.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Position in the chain: 1, 2, 3… without gaps.</summary>
    public long Sequence { get; init; }
    public string OccurredAt { get; init; } = "";
    public string AgencyId { get; init; } = "";
    public string Method { get; init; } = "";
    public string Outcome { get; init; } = "";
    public string Detail { get; init; } = "";
    public long Batches { get; init; }
    public long Accepted { get; init; }
    public long Duplicate { get; init; }
    public long Corrected { get; init; }
    public long Rejected { get; init; }
    public string PayloadSha256 { get; init; } = "";
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";

    /// <summary>
    /// 16 random bytes (hex) that salt <see cref="PayloadSha256"/> in the entry's Merkle leaf; empty once the payload
    /// was erased (<see cref="AuditLogEraser"/>), when the salted hash alone is left and reveals nothing.
    /// </summary>
    public string PayloadSalt { get; init; } = "";

    /// <summary>SHA-256 (hex) of the salt and <see cref="PayloadSha256"/>: what the leaf commits to in its place (<see cref="AuditLeaf"/>).</summary>
    public string SaltedPayloadSha256 { get; init; } = "";

    /// <summary>The entry's RFC 9162 leaf hash (hex); leaf index = <see cref="Sequence"/> − 1. Empty on rows older than the tree until the hub backfills them.</summary>
    public string LeafHash { get; init; } = "";

    /// <summary>The payload hash and its salt were erased: the chain's own-hash check no longer applies, the leaf does.</summary>
    public bool PayloadErased => PayloadSalt.Length == 0 && SaltedPayloadSha256.Length > 0;
}

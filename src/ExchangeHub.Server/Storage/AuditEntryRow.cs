namespace ExchangeHub.Server.Storage;

/// <summary>One link of the hash-chained audit trail (table <c>audit_log</c>); its hash: <c>ExchangeHub.AuditLog.AuditChain</c>.</summary>
public sealed class AuditEntryRow
{
    /// <summary>Position in the chain: 1, 2, 3… without gaps.</summary>
    public long Sequence { get; set; }
    public string OccurredAt { get; set; } = "";
    public string AgencyId { get; set; } = "";
    public string Method { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string Detail { get; set; } = "";
    public long Batches { get; set; }
    public long Accepted { get; set; }
    public long Duplicate { get; set; }
    public long Corrected { get; set; }
    public long Rejected { get; set; }
    public string PayloadSha256 { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>The Merkle leaf's salt (hex); blank once the payload was erased (<c>ExchangeHub.AuditLog.AuditLeaf</c>).</summary>
    public string PayloadSalt { get; set; } = "";
    public string SaltedPayloadSha256 { get; set; } = "";

    /// <summary>RFC 9162 leaf hash (hex) of this entry; leaf index = sequence − 1.</summary>
    public string LeafHash { get; set; } = "";
}

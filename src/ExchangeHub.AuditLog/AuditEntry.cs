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
}

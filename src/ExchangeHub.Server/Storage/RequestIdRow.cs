namespace ExchangeHub.Server.Storage;

/// <summary>
/// A client's <c>request_id</c> on a mutating call and the first reply to it (table <c>request_ids</c>, AIP-155;
/// Common/Retries). (agency, method, request id) is the key, so a retry of the same call finds the first reply and one
/// with another request is refused. Rows older than <c>Hub:Retries:KeepDays</c> are swept.
/// </summary>
public sealed class RequestIdRow
{
    public string AgencyId { get; set; } = "";
    /// <summary>The gRPC method, "/exchangehub.v1.RefundService/ConfirmRefund".</summary>
    public string Method { get; set; } = "";
    public string RequestId { get; set; } = "";
    /// <summary>SHA-256 (hex) of the request's protobuf bytes with <c>request_id</c> cleared: "the same request".</summary>
    public string RequestSha256 { get; set; } = "";
    /// <summary>RUNNING while the first call runs (or if its hub died before it replied), REPLIED once <see cref="Reply"/> is stored.</summary>
    public string State { get; set; } = "";
    /// <summary>The gRPC status of the stored reply (0, OK: only successful replies are kept).</summary>
    public int? StatusCode { get; set; }
    /// <summary>The reply's protobuf bytes (a server stream: its last message); null while RUNNING.</summary>
    public byte[]? Reply { get; set; }
    public long CreatedAtUnixMs { get; set; }
    public long? RepliedAtUnixMs { get; set; }
}

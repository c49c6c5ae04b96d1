using Grpc.Core;

namespace ExchangeHub.Server.Common;

/// <summary>
/// A fault of the database that a client can act on (issue 13, item 7): the gRPC code (RESOURCE_EXHAUSTED when the
/// storage is full, UNAVAILABLE when it is read-only or cannot be reached), a stable ErrorInfo reason, what happened in
/// words, and how long to wait before the same call again (RetryInfo).
/// </summary>
public sealed record StorageFault(StatusCode Code, string Reason, string Description, TimeSpan RetryAfter)
{
    /// <summary>The call's error: ErrorInfo (<paramref name="metadata"/> added to it) and RetryInfo.</summary>
    public RpcException ToRpcException(string message, IEnumerable<KeyValuePair<string, string>>? metadata = null) =>
        RpcErrors.Retryable(Code, $"{message}: {Description}", Reason, metadata ?? [], RetryAfter);
}

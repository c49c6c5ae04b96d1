using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Common;

/// <summary>
/// Call-level errors a client can act on without reading prose (AIP-193): <c>google.rpc.BadRequest</c> naming the field and
/// why, or <c>google.rpc.ErrorInfo</c> with a stable reason in the <c>exchangehub.v1</c> domain and the field it concerns.
/// </summary>
public static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with a BadRequest naming <paramref name="field"/> and an ErrorInfo FIELD_INVALID naming it too.</summary>
    public static RpcException InvalidArgument(string message, string field, string description) =>
        InvalidArgument(message, field, description, ErrorReasons.FieldInvalid, new Dictionary<string, string> { ["field"] = field });

    /// <summary>
    /// INVALID_ARGUMENT with a BadRequest naming <paramref name="field"/> and, when <paramref name="reason"/> is given, an
    /// ErrorInfo with that reason and <paramref name="metadata"/> (e.g. MALFORMED_MESSAGE with the stream message's index).
    /// </summary>
    public static RpcException InvalidArgument(string message, string field, string description, string? reason,
        IReadOnlyDictionary<string, string>? metadata)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"{message}: {field}: {description}",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
                }),
            },
        };
        if (reason is not null)
        {
            status.Details.Add(Any.Pack(Info(reason, metadata)));
        }
        return status.ToRpcException();
    }

    /// <summary>The <c>ErrorInfo.domain</c> of every reason the hub gives.</summary>
    public const string Domain = "exchangehub.v1";

    /// <summary>FAILED_PRECONDITION with <c>google.rpc.ErrorInfo</c> carrying <paramref name="reason"/>: a client acts on the reason, never the prose.</summary>
    public static RpcException FailedPrecondition(string message, string reason) => WithInfo(Code.FailedPrecondition, message, reason, field: null);

    /// <summary>FAILED_PRECONDITION with an ErrorInfo: <paramref name="reason"/> and the state or resource it concerns in <paramref name="metadata"/>.</summary>
    public static RpcException FailedPrecondition(string message, string reason, IReadOnlyDictionary<string, string>? metadata) =>
        WithInfo(Code.FailedPrecondition, Info(reason, metadata), message);

    /// <summary>
    /// NOT_FOUND with an ErrorInfo: <paramref name="reason"/> (e.g. DECISION_NOT_FOUND), the <paramref name="resource"/>
    /// kind and the <paramref name="key"/> asked for in its metadata (AIP-193: <c>resource</c>, plus the request field).
    /// </summary>
    public static RpcException NotFound(string message, string reason, string resource, string field, string key) =>
        WithInfo(Code.NotFound, Info(reason, new Dictionary<string, string> { ["resource"] = resource, ["field"] = field, [field] = key }), message);

    /// <summary>ALREADY_EXISTS with an ErrorInfo: <paramref name="reason"/>, naming <paramref name="field"/> in its metadata.</summary>
    public static RpcException AlreadyExists(string message, string reason, string field) =>
        WithInfo(Code.AlreadyExists, message, reason, field);

    /// <summary>
    /// ABORTED with an ErrorInfo naming <paramref name="field"/> and a RetryInfo: the same call again after
    /// <paramref name="retryAfter"/> is expected to succeed.
    /// </summary>
    public static RpcException Aborted(string message, string reason, string field, TimeSpan retryAfter) =>
        WithInfo(Code.Aborted, message, reason, field, new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) });

    /// <summary>
    /// <paramref name="code"/> (UNAVAILABLE, RESOURCE_EXHAUSTED) with an ErrorInfo carrying <paramref name="reason"/> and
    /// <paramref name="metadata"/>, and a RetryInfo: the same call after <paramref name="retryAfter"/> may succeed.
    /// </summary>
    public static RpcException Retryable(StatusCode code, string message, string reason,
        IEnumerable<KeyValuePair<string, string>> metadata, TimeSpan retryAfter) =>
        WithInfo((Code)(int)code, Info(reason, metadata.ToDictionary()), message, new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) });

    /// <summary>
    /// A limit of the hub reached (RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED): an ErrorInfo with <paramref name="reason"/> and
    /// the limit's values in its metadata, so a client can back off or reconnect without reading the message.
    /// </summary>
    public static RpcException LimitReached(Code code, string message, string reason, params (string Key, string Value)[] metadata) =>
        WithInfo(code, Info(reason, metadata.ToDictionary(m => m.Key, m => m.Value)), message);

    /// <summary>An error with an ErrorInfo (reason, the hub's domain, and the field it concerns when there is one) and an optional further detail.</summary>
    private static RpcException WithInfo(Code code, string message, string reason, string? field, IMessage? extra = null) =>
        WithInfo(code, Info(reason, field is null ? null : new Dictionary<string, string> { ["field"] = field }), message, extra);

    private static RpcException WithInfo(Code code, ErrorInfo info, string message, IMessage? extra = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (extra is not null)
        {
            status.Details.Add(Any.Pack(extra));
        }
        return status.ToRpcException();
    }

    private static ErrorInfo Info(string reason, IReadOnlyDictionary<string, string>? metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            info.Metadata[key] = value;
        }
        return info;
    }
}

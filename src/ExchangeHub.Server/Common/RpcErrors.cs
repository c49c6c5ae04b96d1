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
    public static RpcException InvalidArgument(string message, string field, string description)
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
        return status.ToRpcException();
    }

    /// <summary>The <c>ErrorInfo.domain</c> of every reason the hub gives.</summary>
    public const string Domain = "exchangehub.v1";

    /// <summary>FAILED_PRECONDITION with <c>google.rpc.ErrorInfo</c> carrying <paramref name="reason"/>: a client acts on the reason, never the prose.</summary>
    public static RpcException FailedPrecondition(string message, string reason) => WithInfo(Code.FailedPrecondition, message, reason, field: null);

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
        IEnumerable<KeyValuePair<string, string>> metadata, TimeSpan retryAfter)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        info.Metadata.Add(metadata.ToDictionary());
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(info), Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
        };
        return status.ToRpcException();
    }

    /// <summary>An error with an ErrorInfo (reason, the hub's domain, and the field it concerns when there is one) and an optional further detail.</summary>
    private static RpcException WithInfo(Code code, string message, string reason, string? field, IMessage? extra = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        if (field is not null)
        {
            info.Metadata["field"] = field;
        }
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (extra is not null)
        {
            status.Details.Add(Any.Pack(extra));
        }
        return status.ToRpcException();
    }
}

using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Common;

/// <summary>
/// Call-level errors with their details (AIP-193): <c>google.rpc.BadRequest</c> naming the field and why, or
/// <c>google.rpc.ErrorInfo</c> with a stable reason in the domain <see cref="Domain"/>.
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
    public static RpcException FailedPrecondition(string message, string reason)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
        };
        return status.ToRpcException();
    }
}

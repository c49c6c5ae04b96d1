using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Common;

/// <summary>Call-level errors with <c>google.rpc.BadRequest</c> details naming the field and why.</summary>
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
}

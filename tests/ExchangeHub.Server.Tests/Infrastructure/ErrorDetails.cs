using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>The <c>google.rpc.ErrorInfo</c> of a refusal, checked to be in the hub's domain: tests assert reasons and metadata, never prose.</summary>
public static class ErrorDetails
{
    public static ErrorInfo Info(RpcException ex)
    {
        var info = ex.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.True(info is not null, $"{ex.StatusCode} without ErrorInfo: {ex.Status.Detail}");
        Assert.Equal("exchangehub.v1", info.Domain);
        return info;
    }

    /// <summary>The status code and the ErrorInfo reason, to compare as one pair.</summary>
    public static (StatusCode Code, string Reason) Of(RpcException ex) => (ex.StatusCode, Info(ex).Reason);
}

using System.Globalization;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Security;

/// <summary>
/// Runs inside <see cref="ExchangeInterceptor"/> (so every refusal is authenticated and audited): counts each call
/// against its agency's cap (<see cref="AgencyCalls"/>; beyond it RESOURCE_EXHAUSTED <c>AGENCY_STREAM_LIMIT</c>),
/// releasing it however the call ends, and puts the idle and duration limits on client streams
/// (<see cref="LimitedStreamReader{T}"/>). Health and reflection are not counted.
/// </summary>
public sealed class CallLimitsInterceptor(AgencyCalls calls, IOptions<HubOptions> options) : Interceptor
{
    public const string AgencyLimitReason = "AGENCY_STREAM_LIMIT";

    private readonly LimitsOptions _limits = options.Value.Limits;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var agency = Enter(context);
        try
        {
            return await continuation(request, context);
        }
        finally
        {
            Leave(agency);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var agency = Enter(context);
        try
        {
            return await continuation(Limited(requestStream, agency), context);
        }
        finally
        {
            Leave(agency);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var agency = Enter(context);
        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            Leave(agency);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var agency = Enter(context);
        try
        {
            await continuation(Limited(requestStream, agency), responseStream, context);
        }
        finally
        {
            Leave(agency);
        }
    }

    /// <summary>The calling agency, counted; null for the open methods (health, reflection), which are not.</summary>
    private string? Enter(ServerCallContext context)
    {
        if (MethodRoles.IsAnonymous(context.Method))
        {
            return null;
        }
        var agency = ExchangeCall.Of(context).Agency.Id;
        if (!calls.TryEnter(agency))
        {
            var limit = calls.Limit.ToString(CultureInfo.InvariantCulture);
            throw RpcErrors.LimitReached(Code.ResourceExhausted,
                $"agency '{agency}' already has {limit} calls open, the most allowed (Hub:Limits:MaxStreamsPerAgency); retry when one has ended",
                AgencyLimitReason, ("agency", agency), ("limit", limit));
        }
        return agency;
    }

    private void Leave(string? agency)
    {
        if (agency is not null)
        {
            calls.Leave(agency);
        }
    }

    private IAsyncStreamReader<T> Limited<T>(IAsyncStreamReader<T> stream, string? agency) =>
        agency is null ? stream : new LimitedStreamReader<T>(stream, _limits);
}

using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Common.Retries;

/// <summary>
/// Safe to retry (AIP-155): a unary or server-streaming call whose request carries a <c>request_id</c> runs its
/// handler once per (agency, method, id). A retry of the same request gets the first reply, byte for byte (a server
/// stream: its last message), from the <c>request_ids</c> table — across a restart and across replicas sharing one
/// PostgreSQL; the same id with another request is ALREADY_EXISTS naming <c>request_id</c>. A call with the id while
/// the first still runs waits for it (<see cref="RetryOptions.WaitForFirstCall"/>), then gets its reply, or ABORTED
/// with a retry delay. Only successful replies are kept: a call that ends in an error frees its id (the handlers commit
/// nothing when they refuse), so the client may fix the request and send it again under the same id. An empty id is
/// today's behaviour. Runs inside Security/ExchangeInterceptor, so replays are authenticated and audited like any call.
/// </summary>
public sealed class RequestIdInterceptor(RequestIdStore store, RequestGate gate, IOptions<RetryOptions> options,
    ILogger<RequestIdInterceptor> logger) : Interceptor
{
    /// <summary>Trailer set on a reply served from the store instead of by the handler.</summary>
    public const string ReplayedTrailer = "exchangehub-request-replayed";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (Identify(request, context) is not { } call)
        {
            return await continuation(request, context);
        }
        return await OnceAsync(call.Key, call.Sha256, context,
            async () =>
            {
                var response = await continuation(request, context);
                return (response, ((IMessage)response).ToByteArray());
            },
            reply => Task.FromResult(Parse<TResponse>(reply)));
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (Identify(request, context) is not { } call)
        {
            await continuation(request, responseStream, context);
            return;
        }
        await OnceAsync(call.Key, call.Sha256, context,
            async () =>
            {
                var writer = new LastMessageWriter<TResponse>(responseStream);
                await continuation(request, writer, context);
                return (true, writer.Last ?? []);
            },
            async reply =>
            {
                await responseStream.WriteAsync(Parse<TResponse>(reply));
                return true;
            });
    }

    /// <summary>The call's key and request hash when its request has a non-empty request id; null otherwise.</summary>
    private static (RequestKey Key, string Sha256)? Identify<TRequest>(TRequest request, ServerCallContext context)
    {
        if (request is not IMessage message || RequestId.FieldOf(message) is not { } field)
        {
            return null;
        }
        var id = RequestId.Read(message, field);
        if (id.Length == 0)
        {
            return null;
        }
        var call = ExchangeCall.Of(context);
        call.CorrelationId = id; // the events of this call carry the client's id (IHubEvent.CorrelationId)
        return (new RequestKey(call.Agency.Id, context.Method, id), RequestId.Sha256WithoutId(message, field));
    }

    private async Task<T> OnceAsync<T>(RequestKey key, string sha256, ServerCallContext context, Func<Task<(T Result, byte[] Reply)>> run,
        Func<byte[], Task<T>> replay)
    {
        await using var held = await EnterAsync(key, context);
        var stored = await store.FindAsync(key, context.CancellationToken);
        if (stored is not null && stored.RequestSha256 != sha256)
        {
            throw RpcErrors.AlreadyExists(
                $"request_id '{key.RequestId}' was already used for another {Short(key.Method)} request: send a new request_id for a new request",
                ErrorReasons.RequestIdReused, RequestId.Field);
        }
        if (stored?.Reply is { } reply)
        {
            context.ResponseTrailers.Add(ReplayedTrailer, "true");
            return await replay(reply);
        }
        if (stored is null)
        {
            await store.ClaimAsync(key, sha256, context.CancellationToken);
        }
        else if (logger.IsEnabled(LogLevel.Warning))
        {
            // Claimed, never answered, and nobody holds it: the hub that ran it stopped between its handler and the
            // reply. The handler runs again; its own state checks make the repeat safe (README, "Retries").
            logger.LogWarning("{Method} request_id {RequestId} of {Agency} was started but never answered; running it again",
                key.Method, key.RequestId, key.AgencyId);
        }
        (T Result, byte[] Reply) outcome;
        try
        {
            outcome = await run();
        }
        catch
        {
            await store.ReleaseAsync(key, CancellationToken.None);
            throw;
        }
        // The handler's effect is committed: keep its reply even if the client has gone meanwhile.
        await store.ReplyAsync(key, outcome.Reply, CancellationToken.None);
        return outcome.Result;
    }

    /// <summary>Holds the request id, waiting for a call that holds it at most <see cref="RetryOptions.WaitForFirstCall"/>.</summary>
    private async Task<IAsyncDisposable> EnterAsync(RequestKey key, ServerCallContext context)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        patience.CancelAfter(options.Value.WaitForFirstCall);
        try
        {
            return await gate.EnterAsync(key, patience.Token);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw RpcErrors.Aborted(
                $"the first {Short(key.Method)} call with request_id '{key.RequestId}' is still running: retry with the same request_id to get its reply",
                ErrorReasons.RequestIdInProgress, RequestId.Field, RetryDelay);
        }
    }

    private static T Parse<T>(byte[] reply)
    {
        var message = (IMessage)Activator.CreateInstance<T>()!;
        message.MergeFrom(reply);
        return (T)message;
    }

    private static string Short(string method) => method[(method.LastIndexOf('/') + 1)..];
}

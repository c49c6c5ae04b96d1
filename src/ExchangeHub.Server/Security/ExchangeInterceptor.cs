using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Configuration;
using ExchangeHub.AuditLog;
using ExchangeHub.Server.Common.Malformed;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Security;

/// <summary>
/// Every call to the hub passes here: the caller is authenticated (client certificate or development token),
/// the method's roles are checked, and when the call ends — however it ends — one link is appended to the audit
/// trail with the agency, method, counts, SHA-256 of the request payload and outcome.
/// Health and reflection stay open so standard gRPC tools work; they are not audited.
/// </summary>
public sealed class ExchangeInterceptor(
    CurrentAgencies agencies,
    AuditTrail audit,
    IOptions<HubOptions> options,
    ILogger<ExchangeInterceptor> logger) : Interceptor
{
    private readonly AuthenticationMode _mode = options.Value.Security.Mode;
    private readonly bool _receipts = options.Value.Audit.Receipts;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (MethodRoles.IsAnonymous(context.Method))
        {
            RefuseMalformed(request);
            return await continuation(request, context);
        }
        var payload = new PayloadHash();
        payload.Add(request);
        return await AuditedAsync(context, payload, opens: false, () =>
        {
            RefuseMalformed(request);
            return continuation(request, context);
        });
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (MethodRoles.IsAnonymous(context.Method))
        {
            return await continuation(requestStream, context);
        }
        var payload = new PayloadHash();
        var hashed = new HashingStreamReader<TRequest>(requestStream, payload);
        return await AuditedAsync(context, payload, opens: true, () => continuation(hashed, context));
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (MethodRoles.IsAnonymous(context.Method))
        {
            RefuseMalformed(request);
            await continuation(request, responseStream, context);
            return;
        }
        var payload = new PayloadHash();
        payload.Add(request);
        await AuditedAsync(context, payload, opens: false, async () =>
        {
            RefuseMalformed(request);
            await continuation(request, responseStream, context);
            return true;
        });
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (MethodRoles.IsAnonymous(context.Method))
        {
            await continuation(requestStream, responseStream, context);
            return;
        }
        var payload = new PayloadHash();
        var hashed = new HashingStreamReader<TRequest>(requestStream, payload);
        await AuditedAsync(context, payload, opens: true, async () =>
        {
            await continuation(hashed, responseStream, context);
            return true;
        });
    }

    /// <summary>
    /// Runs the handler inside the call's audit. A call that <paramref name="opens"/> (a request stream: it may store
    /// records long before it ends) is opened in the chain once authorised, before any record is read (AuditTrail.OpenAsync);
    /// its closing entry names the opening one. A feed reply carries its closing entry's sequence and hash. A storage
    /// fault under the audit entry of a call that did its work answers that fault.
    /// </summary>
    private async Task<T> AuditedAsync<T>(ServerCallContext context, PayloadHash payload, bool opens, Func<Task<T>> handler)
    {
        try
        {
            return await AuditedCallAsync(context, payload, opens, handler);
        }
        catch (Exception ex) when (StorageFaults.Classify(ex) is { } fault)
        {
            logger.LogError(ex, "{Method}: its audit entry was not stored", context.Method);
            throw fault.ToRpcException($"{context.Method}: its audit entry was not stored");
        }
    }

    private async Task<T> AuditedCallAsync<T>(ServerCallContext context, PayloadHash payload, bool opens, Func<Task<T>> handler)
    {
        var identity = Authenticate(context);
        var call = new ExchangeCall(identity ?? Anonymous, context.Method);
        var outcome = StatusCode.OK;
        var detail = "";
        long? opened = null;
        var closed = false;
        try
        {
            if (identity is null)
            {
                throw new RpcException(new Status(StatusCode.Unauthenticated, UnauthenticatedMessage()));
            }
            var allowed = MethodRoles.Allowed(context.Method);
            if (!allowed.Any(identity.Roles.Contains))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, allowed.Count == 0
                    ? $"{context.Method} is not open to any role."
                    : $"{context.Method} requires role {string.Join(" or ", allowed)}; agency '{identity.Id}' has {FormatRoles(identity)}."));
            }
            if (opens)
            {
                opened = (await audit.OpenAsync(call, context.CancellationToken)).Sequence;
            }
            call.AttachTo(context);
            var result = await handler();
            closed = true;
            var entry = await CloseAsync(call, outcome, detail, payload, opened);
            if (FeedReceipts.SummaryOf(result) is { } summary)
            {
                summary.AuditSequence = entry.Sequence;
                summary.AuditEntryHash = entry.Hash;
                if (_receipts)
                {
                    summary.AuditLeafIndex = entry.Sequence - 1;
                    summary.AuditLeafHash = entry.LeafHash;
                    summary.AuditPromisedTreeSize = entry.Sequence;
                }
            }
            return result;
        }
        catch (RpcException ex)
        {
            outcome = ex.StatusCode;
            detail = ex.Status.Detail;
            throw;
        }
        catch (Exception ex) when (ex is not RpcException
            && (context.CancellationToken.IsCancellationRequested || ex is IOException or OperationCanceledException))
        {
            // The client cancelled or the connection dropped: reading the stream fails with an IOException (sometimes
            // before the call's token is signalled) or an OperationCanceledException. Batches committed before stay
            // stored; a retry is idempotent.
            outcome = StatusCode.Cancelled;
            detail = "the client cancelled or the connection dropped";
            throw;
        }
        catch (Exception ex) when (StorageFaults.Classify(ex) is { } fault)
        {
            // Full, read-only or unreachable storage: a code and reason the client can act on, not UNKNOWN (issue 13).
            var error = fault.ToRpcException($"{context.Method} was not completed");
            outcome = error.StatusCode;
            detail = error.Status.Detail;
            logger.LogError(ex, "{Method} from {Agency}: storage fault", context.Method, call.Agency.Id);
            throw error;
        }
        catch (Exception ex)
        {
            outcome = StatusCode.Internal;
            detail = ex.GetType().Name;
            logger.LogError(ex, "{Method} from {Agency} failed", context.Method, call.Agency.Id);
            throw;
        }
        finally
        {
            if (!closed)
            {
                try
                {
                    await CloseAsync(call, outcome, detail, payload, opened);
                }
                catch (Exception ex) when (outcome != StatusCode.OK && StorageFaults.Classify(ex) is not null)
                {
                    // The storage failed under the audit entry too: a failed call keeps its own error (a call that did its
                    // work answers the fault, in AuditedAsync, so the client retries — mutating calls are idempotent).
                    logger.LogError(ex, "{Method} from {Agency}: the audit entry ({Outcome}) was not stored", context.Method, call.Agency.Id, outcome);
                }
            }
        }
    }

    /// <summary>The call's closing entry; for an opened call its detail starts "opened #N" (the opening entry's sequence).</summary>
    private async Task<AuditEntry> CloseAsync(ExchangeCall call, StatusCode outcome, string detail, PayloadHash payload, long? opened)
    {
        var text = opened is { } sequence ? (detail.Length == 0 ? $"opened #{sequence}" : $"opened #{sequence}; {detail}") : detail;
        var entry = await audit.AppendAsync(call, outcome, text, payload.Finish(), CancellationToken.None);
        call.AuditSequence = entry.Sequence;
        if (outcome != StatusCode.OK)
        {
            logger.LogWarning("{Method} from {Agency} ended {Outcome}: {Detail} (audit #{Sequence})",
                call.Method, call.Agency.Id, outcome, detail, call.AuditSequence);
        }
        return entry;
    }

    /// <summary>A request that failed protobuf parsing is refused here, after authentication and inside the audit.</summary>
    private static void RefuseMalformed(object request)
    {
        if (MalformedMessages.Of(request) is { } malformed)
        {
            throw MalformedMessages.Refusal(malformed, streamIndex: null);
        }
    }

    private AgencyIdentity? Authenticate(ServerCallContext context)
    {
        if (_mode == AuthenticationMode.MutualTls)
        {
            var certificate = context.GetHttpContext().Connection.ClientCertificate;
            return certificate is null ? null : agencies.ByCertificateSha256(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
        }
        var header = context.RequestHeaders.GetValue("authorization");
        const string bearer = "Bearer ";
        return header is not null && header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            ? agencies.ByToken(header[bearer.Length..].Trim())
            : null;
    }

    private string UnauthenticatedMessage() => _mode == AuthenticationMode.MutualTls
        ? "no client certificate of a configured agency was presented"
        : "send 'authorization: Bearer <token>' with the token of a configured agency";

    private static string FormatRoles(AgencyIdentity identity) =>
        identity.Roles.Count == 0 ? "no role" : string.Join(", ", identity.Roles.Order(StringComparer.Ordinal));

    private static readonly AgencyIdentity Anonymous = new("(unauthenticated)", "", new HashSet<string>());
}

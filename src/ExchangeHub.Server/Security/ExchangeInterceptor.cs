using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Configuration;
using Google.Protobuf;
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
    AgencyDirectory agencies,
    AuditTrail audit,
    IOptions<HubOptions> options,
    ILogger<ExchangeInterceptor> logger) : Interceptor
{
    private readonly AuthenticationMode _mode = options.Value.Security.Mode;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (MethodRoles.IsAnonymous(context.Method))
        {
            return await continuation(request, context);
        }
        var payload = new PayloadHash();
        payload.Add(request as IMessage);
        return await AuditedAsync(context, payload, () => continuation(request, context));
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
        return await AuditedAsync(context, payload, () => continuation(hashed, context));
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (MethodRoles.IsAnonymous(context.Method))
        {
            await continuation(request, responseStream, context);
            return;
        }
        var payload = new PayloadHash();
        payload.Add(request as IMessage);
        await AuditedAsync(context, payload, async () =>
        {
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
        await AuditedAsync(context, payload, async () =>
        {
            await continuation(hashed, responseStream, context);
            return true;
        });
    }

    /// <summary>The call, audited; a storage fault under the audit entry of a call that did its work answers that fault.</summary>
    private async Task<T> AuditedAsync<T>(ServerCallContext context, PayloadHash payload, Func<Task<T>> handler)
    {
        try
        {
            return await AuditedCallAsync(context, payload, handler);
        }
        catch (Exception ex) when (StorageFaults.Classify(ex) is { } fault)
        {
            logger.LogError(ex, "{Method}: its audit entry was not stored", context.Method);
            throw fault.ToRpcException($"{context.Method}: its audit entry was not stored");
        }
    }

    private async Task<T> AuditedCallAsync<T>(ServerCallContext context, PayloadHash payload, Func<Task<T>> handler)
    {
        var identity = Authenticate(context);
        var call = new ExchangeCall(identity ?? Anonymous, context.Method);
        var outcome = StatusCode.OK;
        var detail = "";
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
            call.AttachTo(context);
            var result = await handler();
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
            try
            {
                call.AuditSequence = await audit.AppendAsync(call, outcome, detail, payload.Finish(), CancellationToken.None);
            }
            catch (Exception ex) when (outcome != StatusCode.OK && StorageFaults.Classify(ex) is not null)
            {
                // The storage failed under the audit entry too: a failed call keeps its own error (a call that did its
                // work answers the fault, in AuditedAsync, so the client retries — mutating calls are idempotent).
                logger.LogError(ex, "{Method} from {Agency}: the audit entry ({Outcome}) was not stored", context.Method, call.Agency.Id, outcome);
            }
            if (outcome != StatusCode.OK)
            {
                logger.LogWarning("{Method} from {Agency} ended {Outcome}: {Detail} (audit #{Sequence})",
                    context.Method, call.Agency.Id, outcome, detail, call.AuditSequence);
            }
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

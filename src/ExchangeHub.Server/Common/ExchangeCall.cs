using Grpc.Core;

namespace ExchangeHub.Server.Common;

/// <summary>
/// One call being served: who made it and what it did, filled by the service and written to the audit trail by
/// the gRPC interceptor (Security/ExchangeInterceptor) when the call ends, whatever its outcome.
/// </summary>
public sealed class ExchangeCall(AgencyIdentity agency, string method)
{
    private const string Key = "exchangehub.call";

    public AgencyIdentity Agency { get; } = agency;
    public string Method { get; } = method;
    public long Batches { get; set; }
    public long Accepted { get; set; }
    public long Duplicate { get; set; }
    public long Corrected { get; set; }
    public long Rejected { get; set; }

    /// <summary>
    /// The correlation id of the events this call causes (<see cref="CallCorrelation"/>): the request's
    /// <c>request_id</c> when it has one (set by Common/Retries), else an id drawn for this call.
    /// </summary>
    public string CorrelationId { get; set; } = Guid.NewGuid().ToString("D");

    /// <summary>The audit sequence number of this call, known once written.</summary>
    public long AuditSequence { get; set; }

    public static ExchangeCall Of(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var value) && value is ExchangeCall call
            ? call
            : throw new InvalidOperationException("No authenticated call: is ExchangeInterceptor registered?");

    public void AttachTo(ServerCallContext context)
    {
        context.UserState[Key] = this;
        CallCorrelation.Enter(this);
    }
}

namespace ExchangeHub.Server.Common.Retries;

/// <summary>(calling agency, gRPC method, client's request id): the scope of one request id.</summary>
public sealed record RequestKey(string AgencyId, string Method, string RequestId)
{
    /// <summary>One text for the in-process gate and the cluster lock.</summary>
    public string LockKey => $"{AgencyId}\n{Method}\n{RequestId}";
}

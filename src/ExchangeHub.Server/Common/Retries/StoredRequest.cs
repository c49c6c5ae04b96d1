namespace ExchangeHub.Server.Common.Retries;

/// <summary>A request id as stored: the hash of its first request, and the first reply once there is one.</summary>
public sealed record StoredRequest(string RequestSha256, byte[]? Reply);

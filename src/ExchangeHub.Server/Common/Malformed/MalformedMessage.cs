namespace ExchangeHub.Server.Common.Malformed;

/// <summary>Why a request message could not be parsed, and its bytes as received (for the call's payload hash).</summary>
public sealed record MalformedMessage(string Error, byte[] Payload);

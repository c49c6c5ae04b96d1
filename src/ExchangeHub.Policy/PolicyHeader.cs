namespace ExchangeHub.Policy;

/// <summary>Identity of a policy file: id, version, title and the SHA-256 of its bytes.</summary>
internal sealed record PolicyHeader(string Id, string Version, string Title, string Sha256);

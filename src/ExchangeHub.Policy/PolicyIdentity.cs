namespace ExchangeHub.Policy;

/// <summary>Which exact policy file a result comes from: id, version and SHA-256 of its bytes.</summary>
public sealed record PolicyIdentity(string Id, string Version, string Sha256)
{
    public override string ToString() => $"{Id} {Version} (sha256 {Sha256[..12]})";
}

namespace ExchangeHub.Server.Configuration;

/// <summary>How callers authenticate.</summary>
public enum AuthenticationMode
{
    /// <summary>Client certificates issued by the configured CA; the certificate's thumbprint names the agency.</summary>
    MutualTls,

    /// <summary>Development only, loopback only: a bearer token whose SHA-256 names the agency.</summary>
    DevToken,
}

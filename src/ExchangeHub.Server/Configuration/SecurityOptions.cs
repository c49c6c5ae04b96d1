namespace ExchangeHub.Server.Configuration;

/// <summary>How agencies prove who they are.</summary>
public sealed class SecurityOptions
{
    /// <summary>
    /// <see cref="AuthenticationMode.MutualTls"/> in production; <see cref="AuthenticationMode.DevToken"/> only
    /// when every listening address is a loopback address (the hub refuses to start otherwise).
    /// </summary>
    public AuthenticationMode Mode { get; set; } = AuthenticationMode.DevToken;

    /// <summary>The agencies allowed to call the hub and their roles.</summary>
    public List<AgencyOptions> Agencies { get; set; } = [];

    /// <summary>MutualTls: PEM or PFX file of the hub's server certificate.</summary>
    public string? ServerCertificatePath { get; set; }

    /// <summary>MutualTls: PEM file of the server certificate's private key (when the certificate is PEM).</summary>
    public string? ServerKeyPath { get; set; }

    /// <summary>MutualTls: PEM file of the CA that issues agencies' client certificates (the only trusted root).</summary>
    public string? ClientCaPath { get; set; }
}

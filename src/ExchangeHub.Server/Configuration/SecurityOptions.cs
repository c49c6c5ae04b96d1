namespace ExchangeHub.Server.Configuration;

/// <summary>How agencies prove who they are.</summary>
public sealed class SecurityOptions
{
    /// <summary>
    /// <see cref="AuthenticationMode.MutualTls"/> in production; <see cref="AuthenticationMode.DevToken"/> only
    /// when every listening address is a loopback address (the hub refuses to start otherwise).
    /// </summary>
    public AuthenticationMode Mode { get; set; } = AuthenticationMode.DevToken;

    /// <summary>
    /// The agencies allowed to call the hub and their roles. Reloaded when the configuration changes (appsettings.json
    /// is watched); ignored when <see cref="AgenciesFile"/> is set.
    /// </summary>
    public List<AgencyOptions> Agencies { get; set; } = [];

    /// <summary>
    /// Optional JSON file <c>{ "Agencies": [ … ] }</c> (same entries as <see cref="Agencies"/>), relative to the content
    /// root: when set it is the whole agency directory, watched and reloaded on every change, so a credential can be
    /// replaced or withdrawn on every replica that reads it without a restart. A separate file, not a second
    /// configuration source, because configuration arrays merge by index: a shorter list would keep the tail of the
    /// other source's agencies.
    /// </summary>
    public string? AgenciesFile { get; set; }

    /// <summary>MutualTls: PEM or PFX file of the hub's server certificate.</summary>
    public string? ServerCertificatePath { get; set; }

    /// <summary>MutualTls: PEM file of the server certificate's private key (when the certificate is PEM).</summary>
    public string? ServerKeyPath { get; set; }

    /// <summary>MutualTls: PEM file of the CA that issues agencies' client certificates (the only trusted root).</summary>
    public string? ClientCaPath { get; set; }
}

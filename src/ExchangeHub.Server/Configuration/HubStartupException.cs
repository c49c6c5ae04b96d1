namespace ExchangeHub.Server.Configuration;

/// <summary>
/// The hub cannot start as configured (a forbidden listen address, a database it cannot open). Program.cs prints its
/// message as one line and exits with <see cref="ExitCode"/>, no stack trace: the operator fixes the setting, not a bug.
/// </summary>
public sealed class HubStartupException(string message, int exitCode, Exception? inner = null)
    : InvalidOperationException(message, inner)
{
    /// <summary>README "Limits": the listen address refused.</summary>
    public const int AddressRefused = 2;

    /// <summary>README "Limits": the database could not be opened.</summary>
    public const int DatabaseUnavailable = 3;

    /// <summary>README "Agency credentials": the agency directory (settings or <c>Hub:Security:AgenciesFile</c>) is invalid.</summary>
    public const int AgenciesRefused = 4;

    /// <summary>README "Audit trail": the checkpoint signing key (<c>Hub:Audit:SigningKeyFile</c>) cannot be read.</summary>
    public const int SigningKeyRefused = 5;

    public int ExitCode { get; } = exitCode;
}

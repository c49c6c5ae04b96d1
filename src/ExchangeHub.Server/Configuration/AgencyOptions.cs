namespace ExchangeHub.Server.Configuration;

/// <summary>One agency allowed to call the hub.</summary>
public sealed class AgencyOptions
{
    /// <summary>Stable identifier stored with every record the agency sends, e.g. <c>tax-xj-01</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Roles, e.g. TAX_BUREAU, MARKET_REGULATION, TRANSFER_SYSTEM, HRSS_OPERATOR, AUDITOR.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>MutualTls: SHA-256 thumbprint (hex) of the agency's client certificate.</summary>
    public string? CertificateSha256 { get; set; }

    /// <summary>DevToken: SHA-256 (hex) of the agency's development token; the token itself is never stored.</summary>
    public string? TokenSha256 { get; set; }

    /// <summary>
    /// The agency's jurisdiction (FACTS "Sources"): the XPCC division codes ("00" to "14") it may report records for;
    /// absent or empty: every division. A record outside it is rejected (<c>DIVISION_OUTSIDE_JURISDICTION</c>).
    /// </summary>
    public List<string>? Divisions { get; set; }
}

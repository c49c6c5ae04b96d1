using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Common.Validation;

namespace ExchangeHub.Server.Security;

/// <summary>
/// One version of the configured agencies, looked up by the SHA-256 of their client certificate (MutualTls) or of
/// their token (DevToken); immutable, so a reload swaps a whole directory and a call never sees half of one.
/// Configuration errors (unknown role, duplicate id or credential, a thumbprint that is not 64 hex digits, a division
/// code that is not 00 to 14) throw: at start the hub refuses to start, on a reload <see cref="CurrentAgencies"/>
/// keeps the last good directory.
/// </summary>
public sealed class AgencyDirectory
{
    private readonly FrozenDictionary<string, AgencyIdentity> _byCertificate;
    private readonly FrozenDictionary<string, AgencyIdentity> _byToken;

    public AgencyDirectory(IEnumerable<AgencyOptions> agencies)
    {
        var byCertificate = new Dictionary<string, AgencyIdentity>(StringComparer.OrdinalIgnoreCase);
        var byToken = new Dictionary<string, AgencyIdentity>(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var agency in agencies)
        {
            if (string.IsNullOrWhiteSpace(agency.Id) || !ids.Add(agency.Id))
            {
                throw new InvalidOperationException($"Hub:Security:Agencies: agency id '{agency.Id}' is empty or repeated.");
            }
            var unknown = agency.Roles.Where(r => !Roles.All.Contains(r)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Hub:Security:Agencies: agency '{agency.Id}' has unknown roles {string.Join(", ", unknown)}; known: {string.Join(", ", Roles.All)}.");
            }
            var identity = new AgencyIdentity(agency.Id, agency.Name, agency.Roles.ToFrozenSet(StringComparer.Ordinal), Divisions(agency));
            Add(byCertificate, agency.CertificateSha256, identity, "CertificateSha256");
            Add(byToken, agency.TokenSha256, identity, "TokenSha256");
        }
        _byCertificate = byCertificate.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byToken = byToken.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Count = ids.Count;
    }

    /// <summary>The number of agencies.</summary>
    public int Count { get; }

    public AgencyIdentity? ByCertificateSha256(string sha256Hex) => _byCertificate.GetValueOrDefault(sha256Hex);

    public AgencyIdentity? ByToken(string token) => _byToken.GetValueOrDefault(Sha256Hex(token));

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The agency's jurisdiction; null (every division) when none is configured.</summary>
    private static FrozenSet<string>? Divisions(AgencyOptions agency)
    {
        if (agency.Divisions is not { Count: > 0 } divisions)
        {
            return null;
        }
        foreach (var code in divisions)
        {
            if (DivisionCode.Check("Divisions", code) is { } fault)
            {
                throw new InvalidOperationException($"Hub:Security:Agencies: agency '{agency.Id}': {fault.Message}");
            }
        }
        return divisions.ToFrozenSet(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, AgencyIdentity> map, string? key, AgencyIdentity identity, string setting)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }
        var hex = key.Replace(":", "", StringComparison.Ordinal).Trim();
        // A truncated or mistyped thumbprint in a replaced configuration would lock the agency out without a word.
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new InvalidOperationException($"Hub:Security:Agencies: {setting} of '{identity.Id}' is not a SHA-256 (64 hex digits).");
        }
        if (!map.TryAdd(hex, identity))
        {
            throw new InvalidOperationException($"Hub:Security:Agencies: {setting} of '{identity.Id}' is also another agency's.");
        }
    }
}

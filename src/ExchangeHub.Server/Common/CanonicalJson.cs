using System.Security.Cryptography;
using System.Text;

namespace ExchangeHub.Server.Common;

/// <summary>The facts version of a decision: SHA-256 of the canonical facts JSON, lowercase hex.</summary>
public static class CanonicalJson
{
    public static string Sha256(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

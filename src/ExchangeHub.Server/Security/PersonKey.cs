using System.Security.Cryptography;
using System.Text;

namespace ExchangeHub.Server.Security;

/// <summary>
/// A person's pseudonymous key: the first 32 hex characters of HMAC-SHA256(resident id) under the secret
/// <c>Hub:Privacy:PersonKeySecret</c>. Events, decisions and replies name persons by this key, never by the resident
/// id. The key is stable only as long as the secret is: production sets its own secret once and keeps it (the
/// development default in appsettings.json is public).
/// </summary>
public sealed class PersonKey
{
    public const string SecretSetting = "Hub:Privacy:PersonKeySecret";
    private const int Length = 32;
    private readonly byte[] _secret;

    public PersonKey(IConfiguration configuration)
    {
        var secret = configuration[SecretSetting];
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"{SecretSetting} is not set: persons cannot be named without it.");
        }
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    public string Of(string residentId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(residentId)))[..Length];
}

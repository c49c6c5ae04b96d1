using System.Security.Cryptography;

namespace ExchangeHub.AuditLog;

/// <summary>
/// Signs and checks checkpoints with ECDSA P-256 (System.Security.Cryptography): the hub signs with its private key, an
/// agency or the CLI checks with the published public key (SubjectPublicKeyInfo PEM) alone.
/// </summary>
public static class AuditCheckpointSigner
{
    /// <summary>The key's id: the first 8 bytes (hex) of SHA-256 over its SubjectPublicKeyInfo.</summary>
    public static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..8]);

    public static AuditCheckpoint Sign(ECDsa key, long treeSize, string rootHash, long timestampUnixMs)
    {
        var unsigned = new AuditCheckpoint(treeSize, rootHash, timestampUnixMs, KeyIdOf(key), "");
        var signature = key.SignData(unsigned.SignedBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>True when <paramref name="checkpoint"/> is signed by <paramref name="publicKey"/> and names its key id.</summary>
    public static bool Verify(ECDsa publicKey, AuditCheckpoint checkpoint)
    {
        if (!string.Equals(checkpoint.KeyId, KeyIdOf(publicKey), StringComparison.Ordinal))
        {
            return false;
        }
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(checkpoint.Signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return publicKey.VerifyData(checkpoint.SignedBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>A public key from its PEM text (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public static ECDsa PublicKeyFromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }
}

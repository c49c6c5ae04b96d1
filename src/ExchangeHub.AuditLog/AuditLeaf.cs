using System.Security.Cryptography;
using System.Text;
using ExchangeHub.AuditLog.Merkle;

namespace ExchangeHub.AuditLog;

/// <summary>
/// An audit entry as a leaf of the Merkle log: its canonical bytes (<see cref="AuditChain.Canonical"/>) with the payload
/// hash replaced by a salted one. The salt is what a deletion order erases with the payload hash: without it the
/// salted hash cannot be tested against a guessed payload, and the leaf — so every proof — stays as it was.
/// </summary>
public static class AuditLeaf
{
    /// <summary>A fresh 16-byte salt, hex.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>SHA-256 (hex) over the salt's bytes and the payload hash's UTF-8 text.</summary>
    public static string SaltedPayloadHash(string saltHex, string payloadSha256) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(saltHex), .. Encoding.UTF8.GetBytes(payloadSha256)]));

    /// <summary>The RFC 9162 leaf hash (hex) of <paramref name="entry"/>, from its salted payload hash.</summary>
    public static string HashOf(AuditEntry entry) =>
        Convert.ToHexStringLower(MerkleHash.Leaf(AuditChain.Canonical(entry, entry.SaltedPayloadSha256)));

    /// <summary><paramref name="entry"/> with a new salt, its salted payload hash and its leaf hash.</summary>
    public static AuditEntry Seal(AuditEntry entry)
    {
        var salt = NewSalt();
        var salted = entry with { PayloadSalt = salt, SaltedPayloadSha256 = SaltedPayloadHash(salt, entry.PayloadSha256) };
        return salted with { LeafHash = HashOf(salted) };
    }
}

using System.Globalization;
using System.Text;

namespace ExchangeHub.AuditLog;

/// <summary>
/// A signed statement of the Merkle log (a row of <c>audit_checkpoints</c>): the first <see cref="TreeSize"/> entries
/// have root <see cref="RootHash"/> (hex), signed at <see cref="TimestampUnixMs"/> by key <see cref="KeyId"/>;
/// <see cref="Signature"/> is ECDSA P-256 / SHA-256, DER, base64, over <see cref="SignedBytes"/>.
/// </summary>
public sealed record AuditCheckpoint(long TreeSize, string RootHash, long TimestampUnixMs, string KeyId, string Signature)
{
    /// <summary>The first line of every signed checkpoint, so a signature over anything else never passes for one.</summary>
    public const string Origin = "exchangehub.v1/audit-checkpoint";

    /// <summary>What is signed: the origin, the size, the root, the time and the key id, one a line (UTF-8). Never change it.</summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Join('\n', Origin, TreeSize.ToString(CultureInfo.InvariantCulture),
        RootHash, TimestampUnixMs.ToString(CultureInfo.InvariantCulture), KeyId) + "\n");
}

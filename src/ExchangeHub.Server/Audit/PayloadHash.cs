using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// SHA-256 over a call's request messages, each as its 4-byte big-endian length then its protobuf bytes, so that
/// the audit trail can prove which payload an agency sent (re-hash the same messages to compare).
/// </summary>
public sealed class PayloadHash
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Lock _gate = new();

    public void Add(IMessage? message)
    {
        if (message is null)
        {
            return;
        }
        var bytes = message.ToByteArray();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        lock (_gate)
        {
            _hash.AppendData(length);
            _hash.AppendData(bytes);
        }
    }

    public string Finish()
    {
        lock (_gate)
        {
            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }
    }
}

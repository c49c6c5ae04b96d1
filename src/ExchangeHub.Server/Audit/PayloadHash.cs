using System.Buffers.Binary;
using System.Security.Cryptography;
using ExchangeHub.Server.Common.Malformed;
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

    /// <summary>Adds a request message: its protobuf bytes, or the bytes received when it failed to parse (a malformed message's stand-in).</summary>
    public void Add(object? message)
    {
        switch (message)
        {
            case not null when MalformedMessages.Of(message) is { } malformed:
                Add(malformed.Payload);
                break;
            case IMessage parsed:
                Add(parsed.ToByteArray());
                break;
        }
    }

    private void Add(byte[] bytes)
    {
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

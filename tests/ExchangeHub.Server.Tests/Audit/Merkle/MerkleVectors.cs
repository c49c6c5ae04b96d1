using System.Reflection;
using System.Text.Json;

namespace ExchangeHub.Server.Tests.Audit.Merkle;

/// <summary>
/// The published RFC 6962/9162 test vectors of transparency-dev/merkle, taken as data (the fixture names the source and
/// commit): the 8 leaf inputs of testonly/constants.go with the root of every prefix, and every inclusion and
/// consistency case of its testdata/ folder (happy paths and tampered proofs, each with the verdict it must get).
/// </summary>
public sealed record MerkleVectors(string Source, string[] LeafInputs, string[] RootHashes, InclusionVector[] Inclusion, ConsistencyVector[] Consistency)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly MerkleVectors Published = Load();

    private static MerkleVectors Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("transparency-dev-vectors.json")
            ?? throw new InvalidOperationException("The test vector fixture is not embedded.");
        return JsonSerializer.Deserialize<MerkleVectors>(stream, Options)
            ?? throw new InvalidOperationException("The test vector fixture is empty.");
    }
}

public sealed record InclusionVector(ulong LeafIdx, ulong TreeSize, string Root, string LeafHash, string[]? Proof, string Desc, bool WantErr, string File);

public sealed record ConsistencyVector(ulong Size1, ulong Size2, string Root1, string Root2, string[]? Proof, string Desc, bool WantErr, string File);

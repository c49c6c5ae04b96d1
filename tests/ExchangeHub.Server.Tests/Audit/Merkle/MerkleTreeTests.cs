using ExchangeHub.AuditLog.Merkle;

namespace ExchangeHub.Server.Tests.Audit.Merkle;

/// <summary>
/// The audit library's RFC 9162 tree against the transparency-dev/merkle vectors (<see cref="MerkleVectors"/>): roots,
/// the published inclusion and consistency cases (tampered ones must fail), and proofs generated here verifying — and
/// failing once any byte of them, the index or the size is changed.
/// </summary>
public sealed class MerkleTreeTests
{
    private static readonly MerkleVectors Vectors = MerkleVectors.Published;

    public static TheoryData<string> InclusionFiles() => [.. Vectors.Inclusion.Select(v => v.File)];

    public static TheoryData<string> ConsistencyFiles() => [.. Vectors.Consistency.Select(v => v.File)];

    private static byte[][] LeafHashes(int count) =>
        [.. Vectors.LeafInputs.Take(count).Select(input => MerkleHash.Leaf(Convert.FromHexString(input)))];

    private static byte[][] Hashes(string[]? base64) => [.. (base64 ?? []).Select(Convert.FromBase64String)];

    [Fact]
    public void Vectors_AreThePublishedSet()
    {
        Assert.StartsWith("https://github.com/transparency-dev/merkle", Vectors.Source, StringComparison.Ordinal);
        Assert.Equal(8, Vectors.LeafInputs.Length);
        Assert.Equal(98, Vectors.Inclusion.Length);
        Assert.Equal(98, Vectors.Consistency.Length);
        Assert.Contains(Vectors.Inclusion, v => !v.WantErr);
        Assert.Contains(Vectors.Inclusion, v => v.WantErr);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Root_PrefixOfLeafInputs_IsThePublishedRoot(int size)
    {
        var leaves = LeafHashes(size);
        var expected = Vectors.RootHashes[size];
        Assert.Equal(expected, Convert.ToHexStringLower(MerkleTree.Root(leaves)));
        Assert.Equal(expected, Convert.ToHexStringLower(MerkleTree.RangeHash(MerkleTree.InMemory(leaves), 0, size)));
    }

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void VerifyInclusion_PublishedCase_GetsItsVerdict(string file)
    {
        var v = Vectors.Inclusion.Single(x => x.File == file);
        var ok = MerkleTree.VerifyInclusion(v.LeafIdx, v.TreeSize, Convert.FromBase64String(v.LeafHash), Hashes(v.Proof), Convert.FromBase64String(v.Root));
        Assert.Equal(!v.WantErr, ok);
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void VerifyConsistency_PublishedCase_GetsItsVerdict(string file)
    {
        var v = Vectors.Consistency.Single(x => x.File == file);
        var ok = MerkleTree.VerifyConsistency(v.Size1, v.Size2, Hashes(v.Proof), Convert.FromBase64String(v.Root1), Convert.FromBase64String(v.Root2));
        Assert.Equal(!v.WantErr, ok);
    }

    [Fact]
    public void InclusionProof_PublishedHappyPathsOverLeafInputs_AreGeneratedExactly()
    {
        var nodes = MerkleTree.InMemory(LeafHashes(8));
        var cases = Vectors.Inclusion.Where(v => !v.WantErr && v.TreeSize <= 8 && v.Root == Base64Root((int)v.TreeSize)).ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, v => Assert.Equal(Hashes(v.Proof), MerkleTree.InclusionProof(nodes, (long)v.LeafIdx, (long)v.TreeSize)));
    }

    [Fact]
    public void ConsistencyProof_PublishedHappyPathsOverLeafInputs_AreGeneratedExactly()
    {
        var nodes = MerkleTree.InMemory(LeafHashes(8));
        var cases = Vectors.Consistency.Where(v => !v.WantErr && v.Size1 > 0 && v.Size2 <= 8 && v.Root2 == Base64Root((int)v.Size2)).ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, v => Assert.Equal(Hashes(v.Proof), MerkleTree.ConsistencyProof(nodes, (long)v.Size1, (long)v.Size2)));
    }

    [Fact]
    public void InclusionProof_EveryLeafOfEverySize_VerifiesAndFailsWhenTampered()
    {
        var leaves = Leaves(37);
        var nodes = MerkleTree.InMemory(leaves);
        for (var size = 1; size <= leaves.Length; size++)
        {
            var root = MerkleTree.Root(leaves[..size]);
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleTree.InclusionProof(nodes, index, size);
                Assert.True(MerkleTree.VerifyInclusion((ulong)index, (ulong)size, leaves[index], proof, root));
                Assert.False(MerkleTree.VerifyInclusion((ulong)index, (ulong)size, leaves[(index + 1) % leaves.Length], proof, root));
                Assert.False(MerkleTree.VerifyInclusion((ulong)index, (ulong)size, leaves[index], proof, MerkleTree.Root(leaves[..(size - 1)])));
                if (size > 1)
                {
                    Assert.False(MerkleTree.VerifyInclusion((ulong)((index + 1) % size), (ulong)size, leaves[index], proof, root));
                }
                foreach (var tampered in Tamperings(proof))
                {
                    Assert.False(MerkleTree.VerifyInclusion((ulong)index, (ulong)size, leaves[index], tampered, root));
                }
            }
        }
    }

    [Fact]
    public void ConsistencyProof_EveryPairOfSizes_VerifiesAndFailsWhenTampered()
    {
        var leaves = Leaves(37);
        var nodes = MerkleTree.InMemory(leaves);
        var roots = Enumerable.Range(0, leaves.Length + 1).Select(n => MerkleTree.Root(leaves[..n])).ToArray();
        for (var second = 1; second <= leaves.Length; second++)
        {
            for (var first = 1; first <= second; first++)
            {
                var proof = MerkleTree.ConsistencyProof(nodes, first, second);
                Assert.True(MerkleTree.VerifyConsistency((ulong)first, (ulong)second, proof, roots[first], roots[second]));
                if (first < second)
                {
                    // A log rewritten after the first checkpoint: same size, other last leaf.
                    var forked = MerkleTree.Root([.. leaves[..(first - 1)], MerkleHash.Leaf([0xff]), .. leaves[first..second]]);
                    Assert.False(MerkleTree.VerifyConsistency((ulong)first, (ulong)second, proof, roots[first], forked));
                    Assert.False(MerkleTree.VerifyConsistency((ulong)first, (ulong)second, proof, roots[first - 1], roots[second]));
                    foreach (var tampered in Tamperings(proof))
                    {
                        Assert.False(MerkleTree.VerifyConsistency((ulong)first, (ulong)second, tampered, roots[first], roots[second]));
                    }
                }
            }
        }
    }

    [Fact]
    public void CompactRange_EveryPrefix_RootAndCompletedNodesMatchTheTree()
    {
        var leaves = Leaves(70);
        var nodes = MerkleTree.InMemory(leaves);
        var completed = new List<(int Level, long Index, byte[] Hash)>();
        var range = new MerkleCompactRange((level, index, hash) => completed.Add((level, index, hash)));
        Assert.Equal(MerkleHash.EmptyRoot(), range.Root());
        for (var n = 1; n <= leaves.Length; n++)
        {
            range.Append(leaves[n - 1]);
            Assert.Equal(n, range.Size);
            Assert.Equal(MerkleTree.Root(leaves[..n]), range.Root());
        }
        // Every perfect subtree inside the 70 leaves, once: 70 + 35 + 17 + 8 + 4 + 2 + 1.
        Assert.Equal(137, completed.Count);
        Assert.All(completed, c => Assert.Equal(nodes(c.Level, c.Index), c.Hash));
    }

    private static string Base64Root(int size) => Convert.ToBase64String(Convert.FromHexString(Vectors.RootHashes[size]));

    private static byte[][] Leaves(int count) => [.. Enumerable.Range(0, count).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i)))];

    /// <summary>Each element with one bit flipped, each element dropped, and one extra element at either end.</summary>
    private static IEnumerable<IReadOnlyList<byte[]>> Tamperings(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.Select(p => p.ToArray()).ToArray();
            flipped[i][i % MerkleHash.Size] ^= 0x10;
            yield return flipped;
            yield return [.. proof.Take(i), .. proof.Skip(i + 1)];
        }
        yield return [.. proof, MerkleHash.EmptyRoot()];
        yield return [MerkleHash.EmptyRoot(), .. proof];
    }
}

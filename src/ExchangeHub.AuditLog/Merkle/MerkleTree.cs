using System.Numerics;

namespace ExchangeHub.AuditLog.Merkle;

/// <summary>
/// RFC 9162 §2.1: the Merkle tree hash of n leaves, inclusion proofs (§2.1.3) and consistency proofs (§2.1.4), and their
/// verification. Proofs are generated from perfect subtree hashes (<see cref="PerfectNodeSource"/>), which is what the
/// hub caches; verification needs only the proof, so an agency runs it alone.
/// </summary>
public static class MerkleTree
{
    /// <summary>MTH of <paramref name="leafHashes"/> (already leaf-hashed), in O(n).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes)
    {
        var range = new MerkleCompactRange();
        foreach (var leaf in leafHashes)
        {
            range.Append(leaf);
        }
        return range.Root();
    }

    /// <summary>A node source over leaf hashes held in memory, computing and remembering perfect subtrees on demand.</summary>
    public static PerfectNodeSource InMemory(IReadOnlyList<byte[]> leafHashes)
    {
        var memo = new Dictionary<(int, long), byte[]>();
        byte[] Node(int level, long index)
        {
            if (level == 0)
            {
                return leafHashes[checked((int)index)];
            }
            if (!memo.TryGetValue((level, index), out var hash))
            {
                hash = MerkleHash.Node(Node(level - 1, 2 * index), Node(level - 1, (2 * index) + 1));
                memo[(level, index)] = hash;
            }
            return hash;
        }
        return Node;
    }

    /// <summary>MTH(D[start:end]) from perfect subtrees: the split of RFC 9162 §2.1.1, O(log n) node look-ups.</summary>
    public static byte[] RangeHash(PerfectNodeSource nodes, long start, long end)
    {
        var n = end - start;
        if (n == 0)
        {
            return MerkleHash.EmptyRoot();
        }
        if (BitOperations.IsPow2(n) && start % n == 0)
        {
            return nodes(BitOperations.Log2((ulong)n), start / n);
        }
        var k = LargestPowerOfTwoBelow(n);
        return MerkleHash.Node(RangeHash(nodes, start, start + k), RangeHash(nodes, start + k, end));
    }

    /// <summary>PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf <paramref name="leafIndex"/> in the first <paramref name="treeSize"/> leaves.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(PerfectNodeSource nodes, long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
        var path = new List<byte[]>();
        Path(nodes, leafIndex, 0, treeSize, path);
        return path;
    }

    private static void Path(PerfectNodeSource nodes, long m, long start, long end, List<byte[]> path)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }
        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            Path(nodes, m, start, start + k, path);
            path.Add(RangeHash(nodes, start + k, end));
        }
        else
        {
            Path(nodes, m - k, start + k, end, path);
            path.Add(RangeHash(nodes, start, start + k));
        }
    }

    /// <summary>PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the first <paramref name="firstSize"/> leaves are a prefix of the first <paramref name="secondSize"/>.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(PerfectNodeSource nodes, long firstSize, long secondSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(firstSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstSize, secondSize);
        var proof = new List<byte[]>();
        SubProof(nodes, firstSize, 0, secondSize, complete: true, proof);
        return proof;
    }

    private static void SubProof(PerfectNodeSource nodes, long m, long start, long end, bool complete, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(RangeHash(nodes, start, end));
            }
            return;
        }
        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(nodes, m, start, start + k, complete, proof);
            proof.Add(RangeHash(nodes, start + k, end));
        }
        else
        {
            SubProof(nodes, m - k, start + k, end, complete: false, proof);
            proof.Add(RangeHash(nodes, start, start + k));
        }
    }

    /// <summary>RFC 9162 §2.1.3.2: true when <paramref name="proof"/> leads from the leaf hash to <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(ulong leafIndex, ulong treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (leafIndex >= treeSize || leafHash.Length != MerkleHash.Size)
        {
            return false;
        }
        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0 || p.Length != MerkleHash.Size)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && root.SequenceEqual(r);
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2: true when <paramref name="proof"/> shows the tree of <paramref name="firstSize"/> leaves with
    /// <paramref name="firstRoot"/> is a prefix of the tree of <paramref name="secondSize"/> leaves with <paramref name="secondRoot"/>.
    /// Equal sizes need an empty proof and equal roots; a first size of 0 proves nothing and is refused.
    /// </summary>
    public static bool VerifyConsistency(ulong firstSize, ulong secondSize, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot)
    {
        if (firstSize == 0 || firstSize > secondSize)
        {
            return false;
        }
        if (firstSize == secondSize)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }
        if (proof.Count == 0 || proof.Any(p => p.Length != MerkleHash.Size))
        {
            return false;
        }
        var path = BitOperations.IsPow2(firstSize) ? [firstRoot.ToArray(), .. proof] : proof;
        var fn = firstSize - 1;
        var sn = secondSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && firstRoot.SequenceEqual(fr) && secondRoot.SequenceEqual(sr);
    }

    private static long LargestPowerOfTwoBelow(long n) => 1L << BitOperations.Log2((ulong)(n - 1));
}

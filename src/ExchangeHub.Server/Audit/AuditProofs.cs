using System.Data.Common;
using ExchangeHub.AuditLog;
using ExchangeHub.AuditLog.Merkle;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// Inclusion and consistency proofs of the Merkle log, built from <see cref="AuditSubtreeCache"/>: a proof needs
/// O(log n) perfect subtree hashes; each one the cache lacks is computed once from its leaves (one range read,
/// streamed through a compact range that fills the cache on the way), so after the first proofs a call reads only
/// the leaves of the subtrees below the cache's level — at most 2^MinLevel leaves per node, a few per proof.
/// </summary>
public sealed class AuditProofs(HubDatabase database, AuditSubtreeCache cache)
{
    /// <summary>Leaves read per query while computing a large missing subtree, so memory stays bounded.</summary>
    private const int LeavesPerRead = 65_536;

    /// <summary>The leaf hash and its audit path in the tree of <paramref name="treeSize"/> leaves.</summary>
    public async Task<(byte[] LeafHash, IReadOnlyList<byte[]> Proof)> InclusionAsync(long leafIndex, long treeSize, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        return await BuildAsync(connection, nodes => (nodes(0, leafIndex), MerkleTree.InclusionProof(nodes, leafIndex, treeSize)), ct);
    }

    /// <summary>PROOF(first, second) of RFC 9162 §2.1.4.1.</summary>
    public async Task<IReadOnlyList<byte[]>> ConsistencyAsync(long firstSize, long secondSize, CancellationToken ct)
    {
        if (firstSize == secondSize)
        {
            return [];
        }
        await using var connection = await database.OpenReaderAsync(ct);
        return await BuildAsync(connection, nodes => MerkleTree.ConsistencyProof(nodes, firstSize, secondSize), ct);
    }

    /// <summary>
    /// Runs <paramref name="build"/> against the cache, noting the nodes it lacks (answered with a placeholder), loads
    /// those and runs it again; the second pass finds every node, as the proof's shape depends only on the sizes.
    /// </summary>
    private async Task<T> BuildAsync<T>(DbConnection connection, Func<PerfectNodeSource, T> build, CancellationToken ct)
    {
        var loaded = new Dictionary<(int, long), byte[]>();
        var placeholder = new byte[MerkleHash.Size];
        while (true)
        {
            var missing = new HashSet<(int Level, long Index)>();
            var result = build((level, index) =>
            {
                if (loaded.TryGetValue((level, index), out var hash) || cache.TryGet(level, index, out hash))
                {
                    return hash;
                }
                missing.Add((level, index));
                return placeholder;
            });
            if (missing.Count == 0)
            {
                return result;
            }
            foreach (var (level, index) in missing)
            {
                await LoadAsync(connection, level, index, loaded, ct);
            }
        }
    }

    /// <summary>
    /// Computes the subtree (level, index) from its leaves: the cache keeps every completed node at its levels; this
    /// call keeps the node itself and, for a small subtree, the nodes below the cache's level.
    /// </summary>
    private async Task LoadAsync(DbConnection connection, int level, long index, Dictionary<(int, long), byte[]> loaded, CancellationToken ct)
    {
        var start = index << level;
        var end = (index + 1) << level;
        var keepBelowCache = level < cache.MinLevel;
        var range = new MerkleCompactRange((l, i, hash) =>
        {
            var node = (l, (start >> l) + i);
            cache.Add(node.Item1, node.Item2, hash);
            if (l == level || (keepBelowCache && l < cache.MinLevel))
            {
                loaded[node] = hash;
            }
        });
        for (var from = start; from < end; from += LeavesPerRead)
        {
            foreach (var leaf in await AuditLogTable.ReadLeafRangeAsync(connection, from, Math.Min(end, from + LeavesPerRead), ct))
            {
                range.Append(leaf);
            }
        }
    }
}

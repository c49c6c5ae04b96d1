namespace ExchangeHub.Server.Audit;

/// <summary>
/// Perfect subtree hashes of the Merkle log (RFC 9162), in memory, so a proof costs O(log n) look-ups instead of
/// reading every leaf. Only subtrees of at least 2^<see cref="MinLevel"/> leaves are kept (64 at first: a node below
/// that is recomputed from at most 64 leaves, one small range read), filled by the checkpointer as its compact range
/// completes them and lazily by <see cref="AuditProofs"/> on a miss. Bounded: when <see cref="Capacity"/> nodes are
/// held, the lowest kept level is dropped and no longer kept, so the cache holds ~n / 2^MinLevel nodes at the most
/// and a miss reads at most 2^MinLevel leaves. Nothing here needs invalidating: a perfect subtree of stored leaves
/// never changes (an erasure keeps the leaf), and a tampered row cannot change a hash already signed over.
/// </summary>
public sealed class AuditSubtreeCache(int capacity)
{
    /// <summary>The lowest level kept at start: subtrees of 64 leaves (2 KiB of leaf hashes to read on a miss).</summary>
    public const int FirstLevel = 6;

    /// <summary>About 25 MiB of nodes: with 64-leaf subtrees, the upper tree of ~16 million entries.</summary>
    public const int DefaultCapacity = 1 << 18;

    private readonly Lock _gate = new();
    private readonly Dictionary<(int Level, long Index), byte[]> _nodes = [];

    public AuditSubtreeCache() : this(DefaultCapacity)
    {
    }

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>The lowest level kept; nodes below it are recomputed from leaves.</summary>
    public int MinLevel { get; private set; } = FirstLevel;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    public bool TryGet(int level, long index, out byte[] hash)
    {
        lock (_gate)
        {
            return _nodes.TryGetValue((level, index), out hash!);
        }
    }

    /// <summary>Keeps the node if its level is kept (the shape of <see cref="AuditLog.Merkle.MerkleCompactRange"/>'s callback).</summary>
    public void Add(int level, long index, byte[] hash)
    {
        if (level < MinLevel)
        {
            return;
        }
        lock (_gate)
        {
            while (_nodes.Count >= Capacity && level >= MinLevel)
            {
                var lowest = MinLevel;
                foreach (var key in _nodes.Keys.Where(k => k.Level == lowest).ToList())
                {
                    _nodes.Remove(key);
                }
                MinLevel++;
            }
            if (level >= MinLevel)
            {
                _nodes.TryAdd((level, index), hash);
            }
        }
    }
}

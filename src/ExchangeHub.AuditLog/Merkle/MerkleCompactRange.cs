namespace ExchangeHub.AuditLog.Merkle;

/// <summary>
/// The tree's right border as leaves are appended in order: one perfect subtree hash per set bit of the size, so the
/// root of any prefix is O(log n) away and appending is amortised O(1). The verifier streams every row through one
/// and compares the root at each stored checkpoint's size; the checkpointer keeps one across checkpoints. Each perfect
/// subtree completed on the way is reported to <paramref name="completed"/> (level, index, hash), for a proof cache.
/// </summary>
public sealed class MerkleCompactRange(Action<int, long, byte[]>? completed = null)
{
    private readonly List<byte[]> _border = [];

    /// <summary>Leaves appended so far.</summary>
    public long Size { get; private set; }

    public void Append(byte[] leafHash)
    {
        var hash = leafHash;
        var index = Size;
        var level = 0;
        completed?.Invoke(0, index, hash);
        // Each trailing 1 bit of the old size is a left sibling that the new leaf completes.
        while ((index & 1) == 1)
        {
            hash = MerkleHash.Node(_border[^1], hash);
            _border.RemoveAt(_border.Count - 1);
            index >>= 1;
            level++;
            completed?.Invoke(level, index, hash);
        }
        _border.Add(hash);
        Size++;
    }

    /// <summary>MTH of the leaves appended so far: the border folded right to left.</summary>
    public byte[] Root()
    {
        if (_border.Count == 0)
        {
            return MerkleHash.EmptyRoot();
        }
        var root = _border[^1];
        for (var i = _border.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.Node(_border[i], root);
        }
        return root;
    }
}

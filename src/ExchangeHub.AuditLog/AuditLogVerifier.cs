using System.Data.Common;
using System.Security.Cryptography;
using ExchangeHub.AuditLog.Merkle;

namespace ExchangeHub.AuditLog;

/// <summary>
/// Reads <c>audit_log</c> in sequence order over any open ADO.NET connection and checks, row by row: the chain
/// (<see cref="AuditChain"/>), the row's salted payload hash and leaf (recomputed, <see cref="AuditLeaf"/>), and the
/// Merkle root at the size of every stored checkpoint (and its signature, given the hub's public key). A log cut
/// after a checkpoint was signed is caught without a head kept elsewhere: the checkpoint names more rows than remain.
/// </summary>
public static class AuditLogVerifier
{
    public static async Task<AuditVerification> VerifyAsync(DbConnection connection, CancellationToken ct) =>
        await VerifyAsync(connection, publicKey: null, ct);

    public static async Task<AuditVerification> VerifyAsync(DbConnection connection, ECDsa? publicKey, CancellationToken ct)
    {
        var checkpoints = await AuditCheckpointTable.ReadAllAsync(connection, ct);
        var latest = checkpoints.Count == 0 ? null : checkpoints[^1];
        AuditVerification Result(long rows, string head, AuditBreak? broken) =>
            new(rows, head, broken, checkpoints.Count, latest, publicKey is not null);

        if (publicKey is not null && checkpoints.FirstOrDefault(c => !AuditCheckpointSigner.Verify(publicKey, c)) is { } forged)
        {
            return Result(0, AuditChain.Genesis, new AuditBreak(forged.TreeSize,
                $"the checkpoint of tree size {forged.TreeSize} is not signed by the given key"));
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditLogTable.Columns} FROM {AuditLogTable.Name} ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tree = new MerkleCompactRange();
        var next = 0;
        long count = 0;
        var head = AuditChain.Genesis;
        foreach (var row in ReadAll(reader))
        {
            count++;
            var broken = AuditChain.BreakAt(row, count, head) ?? LeafBreak(row, checkpoints.Count > 0);
            if (broken is not null)
            {
                return Result(count, head, broken);
            }
            head = row.Hash;
            if (row.LeafHash.Length == 0)
            {
                continue;
            }
            tree.Append(Convert.FromHexString(row.LeafHash));
            for (; next < checkpoints.Count && checkpoints[next].TreeSize == tree.Size; next++)
            {
                if (!string.Equals(Convert.ToHexStringLower(tree.Root()), checkpoints[next].RootHash, StringComparison.Ordinal))
                {
                    return Result(count, head, new AuditBreak(row.Sequence,
                        $"rows 1–{row.Sequence} no longer match the signed checkpoint of tree size {row.Sequence} (a leaf was rewritten)"));
                }
            }
        }
        if (latest is not null && latest.TreeSize > count)
        {
            return Result(count, head, new AuditBreak(count + 1,
                $"row {count + 1} is missing: the checkpoint of tree size {latest.TreeSize} was signed, only {count} rows remain"));
        }
        return Result(count, head, null);
    }

    /// <summary>A row whose salted payload hash or leaf no longer follows from its fields; rows older than the tree have no leaf, a break only once checkpoints exist.</summary>
    private static AuditBreak? LeafBreak(AuditEntry row, bool checkpointed)
    {
        if (row.LeafHash.Length == 0)
        {
            return checkpointed ? new AuditBreak(row.Sequence, $"row {row.Sequence} has no Merkle leaf") : null;
        }
        if (!row.PayloadErased && !string.Equals(AuditLeaf.SaltedPayloadHash(row.PayloadSalt, row.PayloadSha256), row.SaltedPayloadSha256, StringComparison.Ordinal))
        {
            return new AuditBreak(row.Sequence, $"row {row.Sequence} was altered: its salted payload hash no longer matches");
        }
        if (!string.Equals(AuditLeaf.HashOf(row), row.LeafHash, StringComparison.Ordinal))
        {
            return new AuditBreak(row.Sequence, $"row {row.Sequence} was altered: its content no longer matches its leaf");
        }
        return null;
    }

    /// <summary>The rows in sequence order; with <paramref name="unsealedOnly"/>, those without a Merkle leaf (written before the tree).</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadRowsAsync(DbConnection connection, bool unsealedOnly, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditLogTable.Columns} FROM {AuditLogTable.Name} {(unsealedOnly ? "WHERE leaf_hash = ''" : "")} ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return [.. ReadAll(reader)];
    }

    /// <summary>
    /// Proves the log only grew since <paramref name="kept"/> (a checkpoint an agency kept): its signature (given the
    /// key), then an RFC 9162 consistency proof from it to the tree of every row now stored, built from the stored
    /// leaves and verified as an agency would. Null when it holds; otherwise the break, naming the first row past what
    /// remains or the kept checkpoint's last row. Holds every leaf in memory (32 bytes a row).
    /// </summary>
    public static async Task<AuditBreak?> VerifyGrowthAsync(DbConnection connection, AuditCheckpoint kept, ECDsa? publicKey, CancellationToken ct)
    {
        if (publicKey is not null && !AuditCheckpointSigner.Verify(publicKey, kept))
        {
            return new AuditBreak(kept.TreeSize, $"the kept checkpoint of tree size {kept.TreeSize} is not signed by the given key");
        }
        var leaves = await AuditLogTable.ReadLeavesAsync(connection, upToSequence: null, ct);
        if (kept.TreeSize > leaves.Count)
        {
            return new AuditBreak(leaves.Count + 1,
                $"row {leaves.Count + 1} is missing: the kept checkpoint covers {kept.TreeSize} rows, only {leaves.Count} remain");
        }
        if (kept.TreeSize < 1)
        {
            return new AuditBreak(0, "the kept checkpoint covers no rows and proves nothing");
        }
        var proof = MerkleTree.ConsistencyProof(MerkleTree.InMemory(leaves), kept.TreeSize, leaves.Count);
        var ok = MerkleTree.VerifyConsistency((ulong)kept.TreeSize, (ulong)leaves.Count, proof, Convert.FromHexString(kept.RootHash), MerkleTree.Root(leaves));
        return ok ? null : new AuditBreak(kept.TreeSize,
            $"the log is not an extension of the kept checkpoint of tree size {kept.TreeSize}: rows 1–{kept.TreeSize} were rewritten");
    }

    private static IEnumerable<AuditEntry> ReadAll(DbDataReader reader)
    {
        while (reader.Read())
        {
            yield return new AuditEntry
            {
                Sequence = reader.GetInt64(0),
                OccurredAt = reader.GetString(1),
                AgencyId = reader.GetString(2),
                Method = reader.GetString(3),
                Outcome = reader.GetString(4),
                Detail = reader.GetString(5),
                Batches = reader.GetInt64(6),
                Accepted = reader.GetInt64(7),
                Duplicate = reader.GetInt64(8),
                Corrected = reader.GetInt64(9),
                Rejected = reader.GetInt64(10),
                PayloadSha256 = reader.GetString(11),
                PreviousHash = reader.GetString(12),
                Hash = reader.GetString(13),
                PayloadSalt = reader.GetString(14),
                SaltedPayloadSha256 = reader.GetString(15),
                LeafHash = reader.GetString(16),
            };
        }
    }
}

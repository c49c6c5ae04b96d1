using System.Text.Json;
using System.Security.Cryptography;
using ExchangeHub.AuditLog.Merkle;

namespace ExchangeHub.AuditLog;

/// <summary>
/// What an agency keeps of a call: the reply's <c>audit_leaf_index</c> and <c>audit_leaf_hash</c> (hex) and an RFC 9162
/// inclusion proof (hex hashes) of that leaf in the tree of <see cref="TreeSize"/> entries. With the checkpoint of that
/// size and the hub's public key it proves offline that the hub logged the call (README "Audit trail": the JSON
/// fields <c>leafIndex</c>, <c>leafHash</c>, <c>treeSize</c>, <c>proof</c>).
/// </summary>
public sealed record AuditReceipt(long LeafIndex, string LeafHash, long TreeSize, string[] Proof)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static AuditReceipt FromJson(string json) =>
        JsonSerializer.Deserialize<AuditReceipt>(json, Options) is { LeafHash.Length: > 0 } receipt
            ? receipt with { Proof = receipt.Proof ?? [] }
            : throw new JsonException("not a receipt: leafHash is missing");

    /// <summary>
    /// The receipt of leaf <paramref name="leafIndex"/> in the first <paramref name="treeSize"/> stored leaves. Reads
    /// those leaves (O(tree size), 32 bytes each); the hub's proof service is where a subtree cache belongs.
    /// </summary>
    public static async Task<AuditReceipt> ForLeafAsync(System.Data.Common.DbConnection connection, long leafIndex, long treeSize, CancellationToken ct)
    {
        var leaves = await AuditLogTable.ReadLeavesAsync(connection, treeSize, ct);
        var proof = MerkleTree.InclusionProof(MerkleTree.InMemory(leaves), leafIndex, treeSize);
        return new AuditReceipt(leafIndex, Convert.ToHexStringLower(leaves[(int)leafIndex]), treeSize, [.. proof.Select(Convert.ToHexStringLower)]);
    }

    /// <summary>Null when the receipt holds against <paramref name="checkpoint"/> (signed by <paramref name="publicKey"/>, if given); otherwise why not.</summary>
    public string? Refusal(AuditCheckpoint checkpoint, ECDsa? publicKey)
    {
        if (publicKey is not null && !AuditCheckpointSigner.Verify(publicKey, checkpoint))
        {
            return "the checkpoint is not signed by the given key";
        }
        if (checkpoint.TreeSize != TreeSize)
        {
            return $"the receipt's proof is for tree size {TreeSize}, the checkpoint's tree size is {checkpoint.TreeSize}";
        }
        try
        {
            var included = MerkleTree.VerifyInclusion((ulong)LeafIndex, (ulong)TreeSize, Convert.FromHexString(LeafHash),
                [.. Proof.Select(Convert.FromHexString)], Convert.FromHexString(checkpoint.RootHash));
            return included ? null : $"leaf {LeafIndex} is not in the checkpoint's tree: the proof does not lead to its root";
        }
        catch (FormatException)
        {
            return "a hash of the receipt or the checkpoint is not hex";
        }
    }
}

using System.Data.Common;
using System.Globalization;
using ExchangeHub.AuditLog;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;
using Google.Protobuf.WellKnownTypes;
using ExchangeHub.Server.Configuration;
using Grpc.Core;
using Microsoft.Extensions.Options;
using StoredCheckpoint = ExchangeHub.AuditLog.AuditCheckpoint;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// The Merkle log over gRPC (roles in Security/MethodRoles.cs: every agency). Proofs are served only against signed
/// checkpoints' sizes — never the current unsigned size — so every answer can be checked with the public key alone.
/// </summary>
public sealed class AuditGrpcService(HubDatabase database, AuditProofs proofs, AuditSigningKey key, IOptions<HubOptions> options)
    : AuditService.AuditServiceBase
{
    private readonly bool _receipts = options.Value.Audit.Receipts;

    /// <summary>The algorithm name of <see cref="GetPublicKeyResponse.Algorithm"/>.</summary>
    public const string Algorithm = "ECDSA_P256_SHA256";

    public override async Task<GetCheckpointResponse> GetCheckpoint(GetCheckpointRequest request, ServerCallContext context)
    {
        ReceiptsOn();
        NonNegative(request.TreeSize, "tree_size");
        await using var connection = await database.OpenReaderAsync(context.CancellationToken);
        var checkpoint = request.TreeSize == 0
            ? await LatestAsync(connection, "tree_size", context.CancellationToken)
            : await AuditCheckpointTable.ReadOfSizeAsync(connection, request.TreeSize, context.CancellationToken)
                ?? throw NotFound("tree_size", request.TreeSize);
        return new GetCheckpointResponse { Checkpoint = ToContract(checkpoint) };
    }

    public override Task<GetPublicKeyResponse> GetPublicKey(GetPublicKeyRequest request, ServerCallContext context)
    {
        ReceiptsOn();
        return Task.FromResult(new GetPublicKeyResponse { PublicKeyPem = key.PublicKeyPem, KeyId = key.KeyId, Algorithm = Algorithm });
    }

    /// <summary>With receipts off nothing is signed: every method says so rather than NOT_FOUND.</summary>
    private void ReceiptsOn()
    {
        if (!_receipts)
        {
            throw RpcErrors.FailedPrecondition("this hub signs no audit checkpoints (Hub:Audit:Receipts is off)", ErrorReasons.AuditReceiptsOff);
        }
    }

    public override async Task<GetInclusionProofResponse> GetInclusionProof(GetInclusionProofRequest request, ServerCallContext context)
    {
        ReceiptsOn();
        NonNegative(request.LeafIndex, "leaf_index");
        NonNegative(request.TreeSize, "tree_size");
        StoredCheckpoint checkpoint;
        await using (var connection = await database.OpenReaderAsync(context.CancellationToken))
        {
            checkpoint = await SignedAsync(connection, request.TreeSize, "tree_size", context.CancellationToken);
        }
        if (request.LeafIndex >= checkpoint.TreeSize)
        {
            throw RpcErrors.InvalidArgument("leaf_index is not in the tree", "leaf_index",
                $"leaf {request.LeafIndex} is not below tree size {checkpoint.TreeSize}; wait for a checkpoint of at least {request.LeafIndex + 1} (the reply's audit_promised_tree_size)");
        }
        var (leaf, proof) = await proofs.InclusionAsync(request.LeafIndex, checkpoint.TreeSize, context.CancellationToken);
        return new GetInclusionProofResponse
        {
            LeafIndex = request.LeafIndex,
            LeafHash = Convert.ToHexStringLower(leaf),
            Proof = { proof.Select(Convert.ToHexStringLower) },
            Checkpoint = ToContract(checkpoint),
        };
    }

    public override async Task<GetConsistencyProofResponse> GetConsistencyProof(GetConsistencyProofRequest request, ServerCallContext context)
    {
        ReceiptsOn();
        if (request.FirstTreeSize <= 0)
        {
            throw RpcErrors.InvalidArgument("first_tree_size is not valid", "first_tree_size", "a signed checkpoint's tree size, at least 1");
        }
        NonNegative(request.SecondTreeSize, "second_tree_size");
        StoredCheckpoint first, second;
        await using (var connection = await database.OpenReaderAsync(context.CancellationToken))
        {
            second = await SignedAsync(connection, request.SecondTreeSize, "second_tree_size", context.CancellationToken);
            if (request.FirstTreeSize > second.TreeSize)
            {
                throw RpcErrors.InvalidArgument("first_tree_size is after second_tree_size", "first_tree_size",
                    $"{request.FirstTreeSize} is larger than the second tree size {second.TreeSize}");
            }
            first = await SignedAsync(connection, request.FirstTreeSize, "first_tree_size", context.CancellationToken);
        }
        var proof = await proofs.ConsistencyAsync(first.TreeSize, second.TreeSize, context.CancellationToken);
        return new GetConsistencyProofResponse { Proof = { proof.Select(Convert.ToHexStringLower) }, First = ToContract(first), Second = ToContract(second) };
    }

    /// <summary>The checkpoint of <paramref name="treeSize"/> (0: the latest); a size nobody signed is INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    private static async Task<StoredCheckpoint> SignedAsync(DbConnection connection, long treeSize, string field, CancellationToken ct)
    {
        if (treeSize == 0)
        {
            return await LatestAsync(connection, field, ct);
        }
        if (await AuditCheckpointTable.ReadOfSizeAsync(connection, treeSize, ct) is { } checkpoint)
        {
            return checkpoint;
        }
        var latest = await AuditCheckpointTable.ReadLatestAsync(connection, ct);
        throw RpcErrors.InvalidArgument($"{field} is not a signed checkpoint's size", field,
            $"no checkpoint of tree size {treeSize} was signed (the latest is {latest?.TreeSize ?? 0}); use a size from GetCheckpoint, or 0 for the latest");
    }

    private static async Task<StoredCheckpoint> LatestAsync(DbConnection connection, string field, CancellationToken ct) =>
        await AuditCheckpointTable.ReadLatestAsync(connection, ct) ?? throw NotFound(field, 0);

    private static RpcException NotFound(string field, long treeSize) =>
        RpcErrors.NotFound($"no audit checkpoint of tree size {treeSize}", ErrorReasons.CheckpointNotFound, "audit_checkpoint", field,
            treeSize.ToString(CultureInfo.InvariantCulture));

    private static void NonNegative(long value, string field)
    {
        if (value < 0)
        {
            throw RpcErrors.InvalidArgument($"{field} is not valid", field, "0 or more");
        }
    }

    public static V1.AuditCheckpoint ToContract(StoredCheckpoint checkpoint) => new()
    {
        TreeSize = checkpoint.TreeSize,
        RootHash = checkpoint.RootHash,
        SignTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(checkpoint.TimestampUnixMs)),
        KeyId = checkpoint.KeyId,
        Signature = checkpoint.Signature,
    };
}

using ExchangeHub.AuditLog;
using ExchangeHub.AuditLog.Merkle;
using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using StoredCheckpoint = ExchangeHub.AuditLog.AuditCheckpoint;

namespace ExchangeHub.Server.Tests.Audit;

/// <summary>
/// Issue 15, the AuditService through the real gRPC stack: an agency fetches the key, a checkpoint and the inclusion
/// proof of its own push's leaf (redeeming the reply's promise) and verifies them with the library alone; consistency
/// between two signed checkpoints; sizes nobody signed are refused naming the field.
/// </summary>
public sealed class AuditServiceTests : IAsyncLifetime
{
    private TestHub _hub = null!;
    private IngestSummary _push = null!;

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync(StorageProvider.Sqlite);
        _push = await Infrastructure.Feeds.PushLinesAsync(_hub.Channel(TestHub.TaxToken), [Records.Line("a1"), Records.Line("a2", person: 2)]);
        await AuditMerkleLogTests.WaitForCheckpointAsync(_hub, _push.AuditPromisedTreeSize);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private AuditService.AuditServiceClient Client(string token = TestHub.TaxToken) => new(_hub.Channel(token));

    [Fact]
    public async Task InclusionProof_OfOwnPush_VerifiesAgainstTheSignedCheckpoint()
    {
        var client = Client();
        var key = await client.GetPublicKeyAsync(new GetPublicKeyRequest());
        Assert.Equal(AuditGrpcService.Algorithm, key.Algorithm);
        using var publicKey = AuditCheckpointSigner.PublicKeyFromPem(key.PublicKeyPem);
        Assert.Equal(AuditCheckpointSigner.KeyIdOf(publicKey), key.KeyId);

        var reply = await client.GetInclusionProofAsync(new GetInclusionProofRequest { LeafIndex = _push.AuditLeafIndex });
        var checkpoint = Stored(reply.Checkpoint);
        Assert.True(checkpoint.TreeSize >= _push.AuditPromisedTreeSize);
        Assert.True(AuditCheckpointSigner.Verify(publicKey, checkpoint));
        Assert.Equal(_push.AuditLeafHash, reply.LeafHash);
        var receipt = new AuditReceipt(reply.LeafIndex, reply.LeafHash, checkpoint.TreeSize, [.. reply.Proof]);
        Assert.Null(receipt.Refusal(checkpoint, publicKey));
        Assert.NotNull((receipt with { LeafIndex = receipt.LeafIndex + 1 }).Refusal(checkpoint, publicKey));

        // The same checkpoint asked by its size; and through the auditor's role (any authenticated agency).
        var bySize = await Client(TestHub.OperatorToken).GetCheckpointAsync(new GetCheckpointRequest { TreeSize = checkpoint.TreeSize });
        Assert.Equal(reply.Checkpoint, bySize.Checkpoint);
    }

    [Fact]
    public async Task ConsistencyProof_BetweenTwoCheckpoints_Verifies()
    {
        var client = Client();
        var first = (await client.GetCheckpointAsync(new GetCheckpointRequest())).Checkpoint;
        await Infrastructure.Feeds.PushLinesAsync(_hub.Channel(TestHub.TaxToken), [Records.Line("a3", person: 3)]);
        await AuditMerkleLogTests.WaitForCheckpointAsync(_hub, first.TreeSize + 1);
        var reply = await client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = first.TreeSize });
        Assert.Equal(first, reply.First);
        Assert.True(reply.Second.TreeSize > first.TreeSize);
        byte[][] proof = [.. reply.Proof.Select(Convert.FromHexString)];
        Assert.True(MerkleTree.VerifyConsistency((ulong)first.TreeSize, (ulong)reply.Second.TreeSize, proof,
            Convert.FromHexString(first.RootHash), Convert.FromHexString(reply.Second.RootHash)));
        Assert.False(MerkleTree.VerifyConsistency((ulong)first.TreeSize, (ulong)reply.Second.TreeSize, proof,
            Convert.FromHexString(reply.Second.RootHash), Convert.FromHexString(reply.Second.RootHash)));

        var same = await client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = first.TreeSize, SecondTreeSize = first.TreeSize });
        Assert.Empty(same.Proof);
    }

    [Fact]
    public async Task UnsignedSizes_AreRefused_NamingTheField()
    {
        var client = Client();
        var latest = (await client.GetCheckpointAsync(new GetCheckpointRequest())).Checkpoint.TreeSize;
        await Refused("tree_size", () => client.GetInclusionProofAsync(new GetInclusionProofRequest { LeafIndex = 0, TreeSize = latest + 1 }).ResponseAsync);
        await Refused("tree_size", () => client.GetInclusionProofAsync(new GetInclusionProofRequest { TreeSize = -1 }).ResponseAsync);
        await Refused("leaf_index", () => client.GetInclusionProofAsync(new GetInclusionProofRequest { LeafIndex = -1 }).ResponseAsync);
        // The boundary: the last leaf of the tree is served, the next (not yet signed) is refused.
        Assert.NotNull(await client.GetInclusionProofAsync(new GetInclusionProofRequest { LeafIndex = latest - 1, TreeSize = latest }));
        await Refused("leaf_index", () => client.GetInclusionProofAsync(new GetInclusionProofRequest { LeafIndex = latest, TreeSize = latest }).ResponseAsync);
        await Refused("first_tree_size", () => client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = 0 }).ResponseAsync);
        await Refused("first_tree_size", () => client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = latest + 1 }).ResponseAsync);
        await Refused("second_tree_size", () => client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = 1, SecondTreeSize = latest + 1 }).ResponseAsync);
        await Refused("tree_size", () => client.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = -1 }).ResponseAsync);

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = latest + 1 }).ResponseAsync);
        Assert.Equal((StatusCode.NotFound, "CHECKPOINT_NOT_FOUND"), ErrorDetails.Of(missing));
        Assert.Equal("tree_size", ErrorDetails.Info(missing).Metadata["field"]);
    }

    /// <summary>Step 4: one AuditCheckpointSigned outbox row per stored checkpoint, in the checkpoint's transaction, with its signed fields.</summary>
    [Fact]
    public async Task EveryCheckpoint_IsAnnouncedThroughTheOutbox()
    {
        var latest = (await Client().GetCheckpointAsync(new GetCheckpointRequest())).Checkpoint;
        const string type = "'urn:message:exchangehub.v1:AuditCheckpointSigned'";
        var checkpoints = await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM audit_checkpoints");
        Assert.True(checkpoints >= 1);
        Assert.Equal(checkpoints, await _hub.Database.ScalarAsync($"SELECT COUNT(*) FROM outbox_messages WHERE message_type = {type}"));
        Assert.Equal(checkpoints, await _hub.Database.ScalarAsync(
            $"SELECT COUNT(DISTINCT correlation_id) FROM outbox_messages WHERE message_type = {type} AND subject_key = '{AuditCheckpointer.LogSubject}'"));
        var payload = await _hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM outbox_messages WHERE message_type = {type} AND correlation_id = 'audit-checkpoint-{latest.TreeSize}' "
            + $"AND payload LIKE '%\"rootHash\":\"{latest.RootHash}\"%' AND payload LIKE '%\"treeSize\":{latest.TreeSize},%'");
        Assert.Equal(1, payload);
    }

    [Fact]
    public async Task Unauthenticated_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => new AuditService.AuditServiceClient(_hub.Channel(null)).GetPublicKeyAsync(new GetPublicKeyRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    /// <summary>
    /// The cached proofs equal those computed from every leaf, for every leaf and size of a tree past the cache's first
    /// level (64 leaves): with the hub's cache (filled by the checkpointer), an empty one, and one of two nodes (the
    /// eviction itself is <see cref="Cache_AtCapacity_DropsItsLowestLevel"/>).
    /// </summary>
    [Fact]
    public async Task CachedProofs_EqualProofsFromEveryLeaf()
    {
        var client = Client();
        for (var i = 0; i < 70; i++)
        {
            await client.GetPublicKeyAsync(new GetPublicKeyRequest());
        }
        var database = _hub.Services.GetRequiredService<HubDatabase>();
        List<byte[]> leaves;
        await using (var connection = await database.OpenReaderAsync(CancellationToken.None))
        {
            leaves = await AuditLogTable.ReadLeavesAsync(connection, null, CancellationToken.None);
        }
        Assert.True(leaves.Count > (1 << AuditSubtreeCache.FirstLevel) + 1, $"{leaves.Count} leaves");
        var reference = MerkleTree.InMemory(leaves);
        var tiny = new AuditSubtreeCache(2);
        foreach (var proofs in new[] { _hub.Services.GetRequiredService<AuditProofs>(), new AuditProofs(database, new AuditSubtreeCache()), new AuditProofs(database, tiny) })
        {
            foreach (var size in new long[] { 1, 2, 63, 64, 65, leaves.Count })
            {
                for (var leaf = 0L; leaf < size; leaf += Math.Max(1, size / 9))
                {
                    var (hash, proof) = await proofs.InclusionAsync(leaf, size, CancellationToken.None);
                    Assert.Equal(leaves[(int)leaf], hash);
                    Assert.Equal(MerkleTree.InclusionProof(reference, leaf, size), proof);
                }
                Assert.Equal(MerkleTree.ConsistencyProof(reference, 1, size), await proofs.ConsistencyAsync(1, size, CancellationToken.None));
                Assert.Equal(MerkleTree.ConsistencyProof(reference, size, leaves.Count), await proofs.ConsistencyAsync(size, leaves.Count, CancellationToken.None));
            }
        }
        Assert.True(tiny.Count <= tiny.Capacity);
    }

    [Fact]
    public void Cache_AtCapacity_DropsItsLowestLevel()
    {
        var cache = new AuditSubtreeCache(2);
        cache.Add(AuditSubtreeCache.FirstLevel - 1, 0, [1]);
        Assert.Equal(0, cache.Count);
        cache.Add(AuditSubtreeCache.FirstLevel, 0, [2]);
        cache.Add(AuditSubtreeCache.FirstLevel + 1, 0, [3]);
        Assert.Equal(2, cache.Count);
        cache.Add(AuditSubtreeCache.FirstLevel + 2, 0, [4]);
        Assert.Equal(AuditSubtreeCache.FirstLevel + 1, cache.MinLevel);
        Assert.False(cache.TryGet(AuditSubtreeCache.FirstLevel, 0, out _));
        Assert.True(cache.TryGet(AuditSubtreeCache.FirstLevel + 2, 0, out var kept));
        Assert.Equal([4], kept);
        Assert.Equal(2, cache.Count);
    }

    private static async Task Refused(string field, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal((StatusCode.InvalidArgument, "FIELD_INVALID"), ErrorDetails.Of(ex));
        Assert.Equal(field, ErrorDetails.Info(ex).Metadata["field"]);
    }

    private static StoredCheckpoint Stored(V1.AuditCheckpoint c) =>
        new(c.TreeSize, c.RootHash, c.SignTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), c.KeyId, c.Signature);
}

using ExchangeHub.AuditLog;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Audit;

/// <summary>
/// <c>Hub:Audit:Receipts</c> (issue 15, item 5): off, a feed reply carries its chain entry but no receipt, nothing is
/// signed and AuditService says why; every entry still gets its leaf, so the same trail with receipts switched on
/// again is signed over all of it and its receipts verify.
/// </summary>
[Trait("storage", "sqlite")]
public sealed class AuditReceiptsSwitchTests
{
    private static readonly Dictionary<string, string?> Off = new()
    {
        ["Hub:Audit:Receipts"] = "false",
        ["Hub:Audit:CheckpointInterval"] = "00:00:00.020",
    };

    [Fact]
    public async Task ReceiptsOff_ReplyHasItsChainEntryOnly_NothingSigned_ServiceRefusesNamingTheSwitch()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, Off);
        var push = await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), [Records.Line("r1")]);
        Assert.True(push.AuditSequence > 0);
        Assert.Equal(64, push.AuditEntryHash.Length);
        Assert.Equal((0L, "", 0L), (push.AuditLeafIndex, push.AuditLeafHash, push.AuditPromisedTreeSize));

        // The leaf is sealed anyway; a second push proves later appends were possible at 20 ms rounds.
        var second = await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), [Records.Line("r2", person: 2)]);
        await Task.Delay(300);
        Assert.Equal(0, await hub.Database.ScalarAsync("SELECT COUNT(*) FROM audit_checkpoints"));
        Assert.Equal(0, await hub.Database.ScalarAsync($"SELECT COUNT(*) FROM audit_log WHERE sequence <= {second.AuditSequence} AND leaf_hash = ''"));

        var client = new AuditService.AuditServiceClient(hub.Channel(TestHub.TaxToken));
        foreach (var call in new Func<Task>[]
                 {
                     () => client.GetCheckpointAsync(new GetCheckpointRequest()).ResponseAsync,
                     () => client.GetPublicKeyAsync(new GetPublicKeyRequest()).ResponseAsync,
                     () => client.GetInclusionProofAsync(new GetInclusionProofRequest { LeafIndex = 0 }).ResponseAsync,
                     () => client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = 1 }).ResponseAsync,
                 })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal((StatusCode.FailedPrecondition, "AUDIT_RECEIPTS_OFF"), ErrorDetails.Of(ex));
            Assert.Contains("Hub:Audit:Receipts", ex.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReceiptsSwitchedOnAgain_TheWholeTrailIsSigned_AndTheNewReceiptVerifies()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        long offSequence;
        await using (var off = await TestHub.StartAsync(database, Off, ownsDatabase: false))
        {
            offSequence = (await Infrastructure.Feeds.PushLinesAsync(off.Channel(TestHub.TaxToken), [Records.Line("s1")])).AuditSequence;
        }
        await using var on = await TestHub.StartAsync(database, new() { ["Hub:Audit:CheckpointInterval"] = "00:00:00.020" }, ownsDatabase: false);
        var push = await Infrastructure.Feeds.PushLinesAsync(on.Channel(TestHub.TaxToken), [Records.Line("s2", person: 2)]);
        Assert.True(push.AuditPromisedTreeSize > offSequence);
        await AuditMerkleLogTests.WaitForCheckpointAsync(on, push.AuditPromisedTreeSize);

        var client = new AuditService.AuditServiceClient(on.Channel(TestHub.TaxToken));
        using var publicKey = AuditCheckpointSigner.PublicKeyFromPem((await client.GetPublicKeyAsync(new GetPublicKeyRequest())).PublicKeyPem);
        foreach (var leaf in new[] { offSequence - 1, push.AuditLeafIndex })
        {
            var reply = await client.GetInclusionProofAsync(new GetInclusionProofRequest { LeafIndex = leaf });
            var c = reply.Checkpoint;
            var checkpoint = new AuditLog.AuditCheckpoint(c.TreeSize, c.RootHash, c.SignTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), c.KeyId, c.Signature);
            Assert.Null(new AuditReceipt(reply.LeafIndex, reply.LeafHash, checkpoint.TreeSize, [.. reply.Proof]).Refusal(checkpoint, publicKey));
        }
    }
}

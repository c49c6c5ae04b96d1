using System.Data.Common;
using ExchangeHub.AuditLog;
using ExchangeHub.AuditLog.Merkle;
using ExchangeHub.Cli;
using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Audit;

/// <summary>
/// Issue 15: every audit entry is a leaf of an RFC 9162 tree and the hub signs checkpoints of it; verification (hub and
/// CLI) recomputes the leaves and the tree at every checkpoint, so altering, removing or reordering a middle or the
/// newest row is detected and the row named, while erasing a payload (a deletion order) still verifies.
/// </summary>
public abstract class AuditMerkleLogTests(StorageProvider provider) : IAsyncLifetime
{
    private TestHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync(provider);
        var tax = _hub.Channel(TestHub.TaxToken);
        await Infrastructure.Feeds.PushLinesAsync(tax, [Records.Line("a1"), Records.Line("a2", person: 2)]);      // rows 1, 2
        await Infrastructure.Feeds.PushUnitsAsync(_hub.Channel(TestHub.MarketToken), [Records.Unit("u1")]);      // rows 3, 4
        await Infrastructure.Feeds.PushLinesAsync(tax, [Records.Line("a1")]);                                    // rows 5, 6
        await WaitForCheckpointAsync(_hub, 6);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    /// <summary>Waits (up to 10 s) until a stored checkpoint covers <paramref name="treeSize"/> entries.</summary>
    public static async Task WaitForCheckpointAsync(TestHub hub, long treeSize)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await hub.Database.ScalarAsync("SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoints") < treeSize)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint of {treeSize} entries within 10 s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Checkpoint_SignedByThePublishedKey_OverTheRootOfEveryLeaf()
    {
        var key = _hub.Services.GetRequiredService<AuditSigningKey>();
        await using var connection = await Open();
        var rows = await AuditLogVerifier.ReadRowsAsync(connection, unsealedOnly: false, CancellationToken.None);
        var latest = (await AuditCheckpointTable.ReadLatestAsync(connection, CancellationToken.None))!;
        Assert.Equal(6, latest.TreeSize);
        Assert.Equal(key.KeyId, latest.KeyId);
        Assert.All(rows, row => Assert.Equal(AuditLeaf.HashOf(row), row.LeafHash));
        Assert.Equal(6, rows.Select(r => r.PayloadSalt).Distinct().Count());
        Assert.Equal(Convert.ToHexStringLower(MerkleTree.Root([.. rows.Select(r => Convert.FromHexString(r.LeafHash))])), latest.RootHash);
        using var published = AuditCheckpointSigner.PublicKeyFromPem(await File.ReadAllTextAsync(key.PublicKeyFile));
        Assert.True(AuditCheckpointSigner.Verify(published, latest));
        Assert.False(AuditCheckpointSigner.Verify(published, latest with { TreeSize = 5 }));
        Assert.False(AuditCheckpointSigner.Verify(published, latest with { RootHash = rows[0].LeafHash }));
    }

    [Fact]
    public async Task Verify_Untouched_IntactWithCheckpointsAndSignatures()
    {
        var result = await Trail().VerifyAsync(CancellationToken.None);
        Assert.True(result.Intact, result.FirstBreak?.Reason);
        Assert.True(result.Checkpoints >= 1);
        var output = new StringWriter();
        Assert.Equal(0, await CliApp.InvokeAsync(CliArgs("audit", "verify", "--public-key", PublicKeyFile()), output));
        Assert.Contains("signatures checked", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointSignedByAnotherKey_Detected()
    {
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(Path.GetTempPath(), $"other-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, other.ExportSubjectPublicKeyInfoPem());
        var output = new StringWriter();
        Assert.Equal(1, await CliApp.InvokeAsync(CliArgs("audit", "verify", "--public-key", path), output));
        Assert.Contains("is not signed by the given key", output.ToString(), StringComparison.Ordinal);
        File.Delete(path);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Verify_NewestRowsRemoved_DetectedByTheCheckpointAndNamed(long from)
    {
        await _hub.Database.ExecuteAsync($"DELETE FROM audit_log WHERE sequence >= {from}");
        var output = new StringWriter();
        Assert.Equal(1, await CliApp.InvokeAsync(CliArgs("audit", "verify"), output));
        Assert.Contains($"BROKEN at row {from}: row {from} is missing: the checkpoint of tree size 6 was signed, only {from - 1} rows remain",
            output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public async Task Verify_RowAltered_Named(long sequence)
    {
        await _hub.Database.ExecuteAsync($"UPDATE audit_log SET accepted = 999 WHERE sequence = {sequence}");
        Assert.Equal(sequence, (await Trail().VerifyAsync(CancellationToken.None)).FirstBreak!.Sequence);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public async Task Verify_LeafReplaced_Named(long sequence)
    {
        await _hub.Database.ExecuteAsync($"UPDATE audit_log SET leaf_hash = (SELECT leaf_hash FROM audit_log WHERE sequence = 1) WHERE sequence = {sequence}");
        var broken = (await Trail().VerifyAsync(CancellationToken.None)).FirstBreak!;
        Assert.Equal(new AuditBreak(sequence, $"row {sequence} was altered: its content no longer matches its leaf"), broken);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(5, 6)]
    public async Task Verify_RowsReordered_Named(long first, long second)
    {
        await _hub.Database.ExecuteAsync($"UPDATE audit_log SET sequence = -1 WHERE sequence = {first}");
        await _hub.Database.ExecuteAsync($"UPDATE audit_log SET sequence = {first} WHERE sequence = {second}");
        await _hub.Database.ExecuteAsync($"UPDATE audit_log SET sequence = {second} WHERE sequence = -1");
        Assert.Equal(first, (await Trail().VerifyAsync(CancellationToken.None)).FirstBreak!.Sequence);
    }

    [Fact]
    public async Task Erase_Payload_StillVerifiesAndItsInclusionProofHolds()
    {
        await using (var connection = await Open())
        {
            Assert.True(await AuditLogEraser.EraseAsync(connection, 2, CancellationToken.None));
        }
        Assert.Equal(1, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE sequence = 2 AND payload_sha256 = '' AND payload_salt = ''"));
        var result = await Trail().VerifyAsync(CancellationToken.None);
        Assert.True(result.Intact, result.FirstBreak?.Reason);
        Assert.Equal(0, await CliApp.InvokeAsync(CliArgs("audit", "verify", "--public-key", PublicKeyFile()), new StringWriter()));

        await using var reader = await Open();
        var rows = await AuditLogVerifier.ReadRowsAsync(reader, unsealedOnly: false, CancellationToken.None);
        var latest = (await AuditCheckpointTable.ReadLatestAsync(reader, CancellationToken.None))!;
        var leaves = rows.Select(r => Convert.FromHexString(r.LeafHash)).ToArray();
        var proof = MerkleTree.InclusionProof(MerkleTree.InMemory(leaves), 1, latest.TreeSize);
        Assert.True(MerkleTree.VerifyInclusion(1, (ulong)latest.TreeSize, Convert.FromHexString(AuditLeaf.HashOf(rows[1])), proof, Convert.FromHexString(latest.RootHash)));
    }

    [Fact]
    public async Task Erase_ThenAlterAndRehashTheLeaf_CaughtByTheSignedCheckpoint()
    {
        // Erasing lifts the chain's own-hash check from a row; the leaf and the signed root still hold it.
        await using var connection = await Open();
        Assert.True(await AuditLogEraser.EraseAsync(connection, 2, CancellationToken.None));
        var row = (await AuditLogVerifier.ReadRowsAsync(connection, unsealedOnly: false, CancellationToken.None))[1] with { Accepted = 999 };
        await _hub.Database.ExecuteAsync($"UPDATE audit_log SET accepted = 999, leaf_hash = '{AuditLeaf.HashOf(row)}' WHERE sequence = 2");
        // Named at the first checkpoint that covers row 2 (the checkpointer may have signed smaller trees on the way).
        var size = (await AuditCheckpointTable.ReadAllAsync(connection, CancellationToken.None)).First(c => c.TreeSize >= 2).TreeSize;
        var broken = (await Trail().VerifyAsync(CancellationToken.None)).FirstBreak!;
        Assert.Equal(new AuditBreak(size, $"rows 1–{size} no longer match the signed checkpoint of tree size {size} (a leaf was rewritten)"), broken);
    }

    [Fact]
    public async Task VerifyAgainst_KeptCheckpoint_ProvesGrowthAndCatchesARewrite()
    {
        var kept = Path.Combine(Path.GetTempPath(), $"kept-{Guid.NewGuid():N}.json");
        await using (var connection = await Open())
        {
            var checkpoint = (await AuditCheckpointTable.ReadAllAsync(connection, CancellationToken.None)).First(c => c.TreeSize >= 2);
            await File.WriteAllTextAsync(kept, AuditCheckpointJson.Write(checkpoint));
        }
        await Infrastructure.Feeds.PushUnitsAsync(_hub.Channel(TestHub.MarketToken), [Records.Unit("u2")]);
        await WaitForCheckpointAsync(_hub, 8);
        var output = new StringWriter();
        Assert.Equal(0, await CliApp.InvokeAsync(CliArgs("audit", "verify", "--public-key", PublicKeyFile(), "--against", kept), output));
        Assert.Contains("the log only grew since the kept checkpoint", output.ToString(), StringComparison.Ordinal);

        // A log rebuilt from row 1 (every stored checkpoint re-signed by whoever holds the key) still fails against the kept one.
        var forged = AuditCheckpointJson.Read(await File.ReadAllTextAsync(kept)) with { RootHash = new string('0', 64) };
        await File.WriteAllTextAsync(kept, AuditCheckpointJson.Write(forged));
        output = new StringWriter();
        Assert.Equal(1, await CliApp.InvokeAsync(CliArgs("audit", "verify", "--against", kept), output));
        Assert.Contains("is not an extension of the kept checkpoint", output.ToString(), StringComparison.Ordinal);
        File.Delete(kept);
    }

    [Fact]
    public async Task Receipt_FromARealPush_VerifiesOfflineAndFailsWhenAltered()
    {
        var summary = await Infrastructure.Feeds.PushUnitsAsync(_hub.Channel(TestHub.MarketToken), [Records.Unit("u3")]);
        Assert.Equal(summary.AuditSequence - 1, summary.AuditLeafIndex);
        Assert.Equal(summary.AuditSequence, summary.AuditPromisedTreeSize);
        Assert.Equal(64, summary.AuditLeafHash.Length);
        await WaitForCheckpointAsync(_hub, summary.AuditPromisedTreeSize);

        var directory = Directory.CreateTempSubdirectory("receipt-").FullName;
        string receiptFile = Path.Combine(directory, "r.json"), checkpointFile = Path.Combine(directory, "c.json");
        AuditReceipt receipt;
        await using (var connection = await Open())
        {
            var checkpoint = (await AuditCheckpointTable.ReadLatestAsync(connection, CancellationToken.None))!;
            receipt = await AuditReceipt.ForLeafAsync(connection, summary.AuditLeafIndex, checkpoint.TreeSize, CancellationToken.None);
            await File.WriteAllTextAsync(checkpointFile, AuditCheckpointJson.Write(checkpoint));
        }
        Assert.Equal(summary.AuditLeafHash, receipt.LeafHash);
        await File.WriteAllTextAsync(receiptFile, receipt.ToJson());
        string[] verify = ["receipt", "verify", "--receipt", receiptFile, "--checkpoint", checkpointFile, "--public-key", PublicKeyFile()];
        var output = new StringWriter();
        Assert.Equal(0, await CliApp.InvokeAsync(verify, output));
        Assert.Contains("signature checked", output.ToString(), StringComparison.Ordinal);

        // Another call's leaf, or the receipt's index moved, no longer leads to the signed root.
        foreach (var altered in new[] { receipt with { LeafHash = new string('a', 64) }, receipt with { LeafIndex = receipt.LeafIndex - 1 } })
        {
            await File.WriteAllTextAsync(receiptFile, altered.ToJson());
            output = new StringWriter();
            Assert.Equal(1, await CliApp.InvokeAsync(verify, output));
            Assert.Contains("NOT VERIFIED", output.ToString(), StringComparison.Ordinal);
        }
        Directory.Delete(directory, recursive: true);
    }

    private AuditTrail Trail() => _hub.Services.GetRequiredService<AuditTrail>();

    private string PublicKeyFile() => _hub.Services.GetRequiredService<AuditSigningKey>().PublicKeyFile;

    private Task<DbConnection> Open() => _hub.Services.GetRequiredService<HubDatabase>().OpenReaderAsync(CancellationToken.None);

    private string[] CliArgs(params string[] args) =>
        [.. args, "--provider", provider.ToString(), "--connection", _hub.Database.ConnectionString];
}

[Trait("storage", "sqlite")]
public sealed class SqliteAuditMerkleLogTests() : AuditMerkleLogTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresAuditMerkleLogTests() : AuditMerkleLogTests(StorageProvider.Postgres);

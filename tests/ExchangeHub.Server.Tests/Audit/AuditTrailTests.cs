using System.Buffers.Binary;
using System.Security.Cryptography;
using ExchangeHub.Cli;
using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Audit;

/// <summary>Every exchange is appended to the hash chain; tampering is found and named, by the hub and by the CLI.</summary>
public abstract class AuditTrailTests(StorageProvider provider) : IAsyncLifetime
{
    private TestHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync(provider);
        var tax = _hub.Channel(TestHub.TaxToken);
        await Infrastructure.Feeds.PushLinesAsync(tax, [Records.Line("a1"), Records.Line("a2", person: 2)]);      // rows 1 (STARTED), 2
        await Infrastructure.Feeds.PushUnitsAsync(_hub.Channel(TestHub.MarketToken), [Records.Unit("u1")]);      // rows 3 (STARTED), 4
        await Infrastructure.Feeds.PushLinesAsync(tax, [Records.Line("a1")]);                                    // rows 5 (STARTED), 6
        await Assert.ThrowsAnyAsync<Exception>(() => Infrastructure.Feeds.PushUnitsAsync(tax, [Records.Unit("u2")])); // row 7: refused before it is opened
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Calls_EachAppendedWithAgencyMethodCountsAndOutcome()
    {
        // Issue 13: a stream is opened in the chain (STARTED, no counts) before its records are stored, and closed by an
        // entry naming it; a call refused before its handler runs has only its closing entry.
        Assert.Equal(7, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
        Assert.Equal(3, await _hub.Database.ScalarAsync(
            "SELECT COUNT(*) FROM audit_log WHERE sequence IN (1, 3, 5) AND outcome = 'STARTED' AND batches = 0 AND accepted = 0 AND payload_sha256 = ''"));
        Assert.Equal(1, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE sequence = 2 AND detail = 'opened #1'"));
        Assert.Equal(1, await _hub.Database.ScalarAsync(
            "SELECT COUNT(*) FROM audit_log WHERE sequence = 2 AND agency_id = 'dev-tax' AND method = '/exchangehub.v1.TaxFeedService/PushContributions' " +
            "AND outcome = 'OK' AND batches = 1 AND accepted = 2 AND duplicate = 0 AND rejected = 0"));
        Assert.Equal(1, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE sequence = 6 AND duplicate = 1 AND accepted = 0"));
        Assert.Equal(1, await _hub.Database.ScalarAsync(
            "SELECT COUNT(*) FROM audit_log WHERE sequence = 7 AND agency_id = 'dev-tax' AND outcome = 'PermissionDenied'"));
    }

    [Fact]
    public async Task Call_PayloadHash_IsSha256OfTheLengthPrefixedMessages()
    {
        var message = new PushUnitsRequest { Units = { Records.Unit("u1") } };
        var bytes = message.ToByteArray();
        var framed = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(framed, bytes.Length);
        bytes.CopyTo(framed, 4);
        var expected = Convert.ToHexStringLower(SHA256.HashData(framed));

        await using var connection = await _hub.Services.GetRequiredService<Storage.HubDatabase>().OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload_sha256 FROM audit_log WHERE sequence = 4";
        Assert.Equal(expected, (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Verify_UntouchedChain_Intact()
    {
        var result = await Trail().VerifyAsync(CancellationToken.None);
        Assert.True(result.Intact);
        Assert.Equal(7, result.Rows);
        Assert.Equal(0, await Cli("audit", "verify"));
    }

    [Fact]
    public async Task Verify_RowAltered_NamesThatRow()
    {
        await _hub.Database.ExecuteAsync("UPDATE audit_log SET accepted = 999 WHERE sequence = 2");
        var result = await Trail().VerifyAsync(CancellationToken.None);
        Assert.Equal(2, result.FirstBreak!.Sequence);
        Assert.Contains("altered", result.FirstBreak.Reason, StringComparison.Ordinal);
        var output = new StringWriter();
        Assert.Equal(1, await CliApp.InvokeAsync(CliArgs("audit", "verify"), output));
        Assert.Contains("BROKEN at row 2", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowAlteredAndRehashed_NamesTheNextRow()
    {
        await _hub.Database.ExecuteAsync("UPDATE audit_log SET accepted = 999, hash = 'ff' WHERE sequence = 2");
        var result = await Trail().VerifyAsync(CancellationToken.None);
        Assert.Equal(2, result.FirstBreak!.Sequence);
    }

    [Fact]
    public async Task Verify_RowRemoved_NamesTheMissingRow()
    {
        await _hub.Database.ExecuteAsync("DELETE FROM audit_log WHERE sequence = 3");
        var result = await Trail().VerifyAsync(CancellationToken.None);
        Assert.Equal(3, result.FirstBreak!.Sequence);
        Assert.Contains("missing", result.FirstBreak.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NewestRowRemoved_CaughtByExpectedHeadAndByTheCheckpoint()
    {
        // Issue 15: once a checkpoint covers the newest row, removing it is caught without a head kept elsewhere.
        await AuditMerkleLogTests.WaitForCheckpointAsync(_hub, 7);
        var before = await Trail().VerifyAsync(CancellationToken.None);
        await _hub.Database.ExecuteAsync("DELETE FROM audit_log WHERE sequence = 7");
        var output = new StringWriter();
        Assert.Equal(1, await CliApp.InvokeAsync(CliArgs("audit", "verify"), output));
        Assert.Contains("BROKEN at row 7: row 7 is missing: the checkpoint of tree size 7 was signed, only 6 rows remain", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await Cli("audit", "verify", "--expect-head", before.HeadHash));
    }

    private AuditTrail Trail() => _hub.Services.GetRequiredService<AuditTrail>();

    private Task<int> Cli(params string[] args) => CliApp.InvokeAsync(CliArgs(args), new StringWriter());

    private string[] CliArgs(params string[] args) =>
        [.. args, "--provider", provider.ToString(), "--connection", _hub.Database.ConnectionString];
}

[Trait("storage", "sqlite")]
public sealed class SqliteAuditTrailTests() : AuditTrailTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresAuditTrailTests() : AuditTrailTests(StorageProvider.Postgres);

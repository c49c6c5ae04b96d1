using System.Data.Common;
using ExchangeHub.AuditLog;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Audit;

/// <summary>
/// The audit library's verification over plain ADO.NET, on a bare <c>audit_log</c> table (no hub, no EF): it reads
/// the rows in order and names the first altered or missing one (these rows have no Merkle leaves and no checkpoint:
/// a trail from before the tree still verifies by its chain).
/// </summary>
public abstract class AuditLogVerifierTests(StorageProvider provider) : IAsyncLifetime
{
    private const string CreateTable =
        "CREATE TABLE audit_log (sequence bigint PRIMARY KEY, occurred_at text NOT NULL, agency_id text NOT NULL, method text NOT NULL, "
        + "outcome text NOT NULL, detail text NOT NULL, batches bigint NOT NULL, accepted bigint NOT NULL, duplicate bigint NOT NULL, "
        + "corrected bigint NOT NULL, rejected bigint NOT NULL, payload_sha256 text NOT NULL, previous_hash text NOT NULL, hash text NOT NULL, "
        + "payload_salt text NOT NULL, salted_payload_sha256 text NOT NULL, leaf_hash text NOT NULL); "
        + "CREATE TABLE audit_checkpoints (tree_size bigint PRIMARY KEY, root_hash text NOT NULL, timestamp_unix_ms bigint NOT NULL, "
        + "key_id text NOT NULL, signature text NOT NULL)";

    private readonly List<AuditEntry> _chain = AuditChainTests.Chain(4);
    private TestDatabase _database = null!;

    private AuditDatabase Audit => new(
        provider == StorageProvider.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, _database.ConnectionString);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await _database.ExecuteAsync(CreateTable);
        await using var connection = await Audit.OpenAsync(CancellationToken.None);
        // Stored out of order: the verifier sorts by sequence.
        foreach (var row in _chain.AsEnumerable().Reverse())
        {
            await InsertAsync(connection, row);
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Verify_WholeChain_IntactWithRowsAndHead()
    {
        var result = await Audit.VerifyAsync(CancellationToken.None);
        Assert.Equal(new AuditVerification(4, _chain[^1].Hash, null), result);
        Assert.True(result.Intact);
    }

    [Fact]
    public async Task Verify_RowAltered_NamesThatRow()
    {
        await _database.ExecuteAsync("UPDATE audit_log SET detail = 'edited' WHERE sequence = 3");
        var result = await Audit.VerifyAsync(CancellationToken.None);
        Assert.Equal(new AuditBreak(3, "row 3 was altered: its content no longer matches its hash"), result.FirstBreak);
        Assert.Equal(3, result.Rows);
    }

    [Fact]
    public async Task Verify_RowMissing_NamesTheMissingRow()
    {
        await _database.ExecuteAsync("DELETE FROM audit_log WHERE sequence = 2");
        var result = await Audit.VerifyAsync(CancellationToken.None);
        Assert.Equal(new AuditBreak(2, "row 2 is missing: the chain jumps from 1 to 3"), result.FirstBreak);
    }

    [Fact]
    public async Task Verify_OverAnOpenConnection_SameAsTheDatabase()
    {
        await using var connection = await Audit.OpenAsync(CancellationToken.None);
        Assert.Equal(await Audit.VerifyAsync(CancellationToken.None), await AuditLogVerifier.VerifyAsync(connection, CancellationToken.None));
    }

    private static async Task InsertAsync(DbConnection connection, AuditEntry row)
    {
        await using var command = connection.CreateCommand();
        var values = AuditLogTable.Values(row);
        command.CommandText = $"INSERT INTO {AuditLogTable.Name} ({AuditLogTable.Columns}) VALUES ("
            + string.Join(", ", values.Select((_, i) => $"@p{i}")) + ")";
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteAuditLogVerifierTests() : AuditLogVerifierTests(StorageProvider.Sqlite)
{
    /// <summary>Issue 13: a verifier pointed at a path with no database says so and creates nothing there (it used to create an empty file).</summary>
    [Theory]
    [InlineData("data/hub.db")]
    [InlineData("hub.db")]
    public async Task Verify_NoDatabaseAtThePath_NoDatabaseErrorAndNothingCreated(string file)
    {
        var folder = Path.Combine(Path.GetTempPath(), "exchangehub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, file);
        try
        {
            var database = new AuditDatabase(DatabaseProvider.Sqlite, $"Data Source={path}");
            var error = await Assert.ThrowsAsync<DatabaseNotFoundException>(() => database.VerifyAsync(CancellationToken.None));
            Assert.StartsWith($"no database at {path}", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(path));
            Assert.False(Directory.Exists(Path.Combine(folder, "data")));

            using var output = new StringWriter();
            Assert.Equal(2, await ExchangeHub.Cli.CliApp.InvokeAsync(["audit", "verify", "--connection", $"Data Source={path}"], output));
            Assert.Contains($"no database at {path}", output.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The hub's default database and the CLI's are one file (issue 13): exchangehub.db in ./data unless EXCHANGEHUB_DATA says otherwise.</summary>
    [Fact]
    public void DefaultDatabase_HubAndCli_TheSameFile()
    {
        Assert.Null(Environment.GetEnvironmentVariable(DataLocation.Variable));
        Assert.Equal($"Data Source={Path.GetFullPath(Path.Combine("data", "exchangehub.db"))}", DataLocation.DefaultConnectionString);
        Assert.Equal(DataLocation.DefaultConnectionString, new StorageOptions().ConnectionString);
        var command = new System.CommandLine.RootCommand();
        var options = new ExchangeHub.Cli.DatabaseOptions();
        options.AddTo(command);
        Assert.Equal(DataLocation.DefaultConnectionString, command.Parse([]).GetValue(options.Connection));
    }
}

[Trait("storage", "postgres")]
public sealed class PostgresAuditLogVerifierTests() : AuditLogVerifierTests(StorageProvider.Postgres);

using ExchangeHub.AuditLog;
using Microsoft.Data.Sqlite;

namespace ExchangeHub.Server.Tests.Audit;

/// <summary>Issue 15, the erasure gap: a row is erased only once a signed checkpoint covers its leaf (the boundary: the checkpoint's last row).</summary>
public sealed class AuditLogEraserTests
{
    [Fact]
    public async Task Erase_RowsBeyondTheLatestCheckpoint_Refused()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = $"""
                CREATE TABLE {AuditLogTable.Name} (sequence INTEGER PRIMARY KEY, payload_sha256 TEXT, payload_salt TEXT, salted_payload_sha256 TEXT);
                CREATE TABLE {AuditCheckpointTable.Name} (tree_size INTEGER PRIMARY KEY);
                INSERT INTO {AuditLogTable.Name} VALUES (1, 'p1', 's1', 'x1'), (2, 'p2', 's2', 'x2'), (3, 'p3', 's3', 'x3');
                """;
            await setup.ExecuteNonQueryAsync();
        }
        Assert.False(await AuditLogEraser.EraseAsync(connection, 1, CancellationToken.None)); // no checkpoint yet

        await using (var sign = connection.CreateCommand())
        {
            sign.CommandText = $"INSERT INTO {AuditCheckpointTable.Name} VALUES (2)";
            await sign.ExecuteNonQueryAsync();
        }
        Assert.True(await AuditLogEraser.EraseAsync(connection, 2, CancellationToken.None));  // the checkpoint's last row
        Assert.False(await AuditLogEraser.EraseAsync(connection, 3, CancellationToken.None)); // the first row past it
        Assert.True(await AuditLogEraser.EraseAsync(connection, 1, CancellationToken.None));
    }
}

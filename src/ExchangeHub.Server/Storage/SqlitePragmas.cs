using System.Data.Common;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// Connection settings for SQLite: WAL so readers never block the writer, synchronous=NORMAL (durable at each
/// checkpoint, safe against corruption in WAL mode), and a busy timeout for readers in other processes (CLI).
/// </summary>
public static class SqlitePragmas
{
    public static async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;";
        await command.ExecuteNonQueryAsync(ct);
    }
}

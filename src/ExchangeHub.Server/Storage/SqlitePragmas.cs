using System.Data.Common;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// Connection settings for SQLite: WAL so readers never block the writer, synchronous=NORMAL (durable at each
/// checkpoint, safe against corruption in WAL mode), a busy timeout for readers in other processes (CLI), and a
/// 64 MiB page cache so the unique index of a year of contribution lines stays in memory while it is built.
/// </summary>
public static class SqlitePragmas
{
    public static async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;";
        await command.ExecuteNonQueryAsync(ct);
    }
}

using System.Data.Common;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// Connection settings for SQLite: WAL so readers never block the writer, synchronous=NORMAL (durable at each
/// checkpoint, safe against corruption in WAL mode), a busy timeout for readers in other processes (CLI), and a
/// 16 MiB page cache on the writer. The cache was 64 MiB, to keep the lines' unique index in memory while it is built;
/// a year of lines' index is larger than either, the kernel's page cache serves the misses, and the ingestion benchmark
/// ran no slower with 16 MiB — while a run, which writes a decision and an event per unit, filled all 64 MiB of it and
/// held the hub's peak RSS 60 MiB above issue 11's goal (256 MiB; scripts/bench.sh reconcile).
/// </summary>
public static class SqlitePragmas
{
    public static async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;";
        await command.ExecuteNonQueryAsync(ct);
    }
}

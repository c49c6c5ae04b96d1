using System.Data.Common;

namespace ExchangeHub.AuditLog;

/// <summary>Table <c>audit_checkpoints</c>, written by the hub's checkpointer and read by the verifier.</summary>
public static class AuditCheckpointTable
{
    public const string Name = "audit_checkpoints";

    public const string Columns = "tree_size, root_hash, timestamp_unix_ms, key_id, signature";

    public const string InsertSql = $"INSERT INTO {Name} ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4)";

    public static object[] Values(AuditCheckpoint checkpoint) =>
        [checkpoint.TreeSize, checkpoint.RootHash, checkpoint.TimestampUnixMs, checkpoint.KeyId, checkpoint.Signature];

    /// <summary>Every stored checkpoint, smallest tree first.</summary>
    public static async Task<IReadOnlyList<AuditCheckpoint>> ReadAllAsync(DbConnection connection, CancellationToken ct) =>
        await ReadAsync(connection, $"SELECT {Columns} FROM {Name} ORDER BY tree_size", ct);

    /// <summary>The checkpoint of the largest tree, or null before the first.</summary>
    public static async Task<AuditCheckpoint?> ReadLatestAsync(DbConnection connection, CancellationToken ct) =>
        (await ReadAsync(connection, $"SELECT {Columns} FROM {Name} ORDER BY tree_size DESC LIMIT 1", ct)).SingleOrDefault();

    /// <summary>The checkpoint of exactly <paramref name="treeSize"/> leaves, or null when none was signed at that size.</summary>
    public static async Task<AuditCheckpoint?> ReadOfSizeAsync(DbConnection connection, long treeSize, CancellationToken ct) =>
        (await ReadAsync(connection, $"SELECT {Columns} FROM {Name} WHERE tree_size = {treeSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}", ct)).SingleOrDefault();

    private static async Task<IReadOnlyList<AuditCheckpoint>> ReadAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var checkpoints = new List<AuditCheckpoint>();
        while (await reader.ReadAsync(ct))
        {
            checkpoints.Add(new AuditCheckpoint(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)));
        }
        return checkpoints;
    }
}

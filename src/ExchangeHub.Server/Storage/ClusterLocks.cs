using ExchangeHub.Server.Configuration;
using Npgsql;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// Leases between hub replicas sharing one PostgreSQL database, as advisory locks: they are released by PostgreSQL when
/// the holder's transaction ends or its connection drops (a killed replica frees its leases at once, with no expiry
/// to wait for). On SQLite, where one hub owns its file and every write goes through one writer connection, they
/// cost nothing and hold nothing.
/// </summary>
public static class ClusterLocks
{
    /// <summary>
    /// Locks <paramref name="keys"/> of <paramref name="scope"/> until the lease's transaction ends. Keys are taken in
    /// one statement in hash order, so two replicas locking overlapping sets cannot deadlock; take them once, first
    /// thing in the transaction.
    /// </summary>
    public static async Task LockAsync(this WriterLease lease, LockScope scope, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (lease.Provider != StorageProvider.Postgres || keys.Count == 0)
        {
            return;
        }
        var command = lease.Command(
            "SELECT COUNT(pg_advisory_xact_lock(@p0, s.h)) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(@p1) AS k ORDER BY h) AS s", 2);
        command.Parameters[0].Value = (int)scope;
        command.Parameters[1].Value = keys as string[] ?? keys.ToArray();
        await command.ExecuteScalarAsync(ct);
    }

    /// <summary>
    /// Tries to hold the cluster-wide lease <paramref name="scope"/>/<paramref name="key"/> on a connection of its own
    /// until the returned holder is disposed; null when another replica holds it. Always granted on SQLite.
    /// </summary>
    public static Task<IAsyncDisposable?> TryHoldAsync(this HubDatabase database, LockScope scope, string key, CancellationToken ct) =>
        HoldSessionAsync(database, "SELECT pg_try_advisory_lock(@s, hashtext(@k))", scope, key, ct);

    /// <summary>
    /// Holds the cluster-wide lease <paramref name="scope"/>/<paramref name="key"/> on a connection of its own until the
    /// returned holder is disposed, waiting while another replica holds it. Always granted at once on SQLite.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldAsync(this HubDatabase database, LockScope scope, string key, CancellationToken ct) =>
        (await HoldSessionAsync(database, "SELECT pg_advisory_lock(@s, hashtext(@k)) IS NOT NULL", scope, key, ct))!;

    /// <summary>
    /// Runs <paramref name="lockSql"/> (true: held) on a new connection and keeps the connection as the lease; the
    /// waiting form selects <c>pg_advisory_lock(…) IS NOT NULL</c>, true once the lock is granted (the void result is not null).
    /// </summary>
    private static async Task<IAsyncDisposable?> HoldSessionAsync(HubDatabase database, string lockSql, LockScope scope, string key,
        CancellationToken ct)
    {
        if (database.Provider != StorageProvider.Postgres)
        {
            return NoLease.Instance;
        }
        var connection = (NpgsqlConnection)await database.OpenReaderAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(lockSql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("s", (int)scope);
            command.Parameters.AddWithValue("k", key);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new SessionLease(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Unlocks and returns the connection; if the unlock fails the connection is broken and its session (and lock) gone.</summary>
    private sealed class SessionLease(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NoLease : IAsyncDisposable
    {
        public static readonly NoLease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

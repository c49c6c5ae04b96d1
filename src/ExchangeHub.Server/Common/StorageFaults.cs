using Grpc.Core;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExchangeHub.Server.Common;

/// <summary>
/// The one place that tells a storage fault a client can act on from a bug (issue 13, item 7): the feed services add
/// which batch failed, and the call interceptor answers every other mutating call with the same codes and reasons —
/// never UNKNOWN. SQLite: FULL (13) → RESOURCE_EXHAUSTED <see cref="StorageFull"/>; READONLY (8) → UNAVAILABLE
/// <see cref="StorageReadOnly"/>; IOERR (10), CANTOPEN (14) → UNAVAILABLE <see cref="StorageUnavailable"/>. PostgreSQL:
/// 53100 disk_full → RESOURCE_EXHAUSTED <see cref="StorageFull"/>; 25006 read_only_sql_transaction (a standby) →
/// <see cref="StorageReadOnly"/>; connection exceptions (08xxx), shutdowns (57P01–57P03), too many connections (53300)
/// and a connection lost on the wire → <see cref="StorageUnavailable"/>. Anything else is not a storage fault.
/// </summary>
public static class StorageFaults
{
    public const string StorageFull = "STORAGE_FULL";
    public const string StorageReadOnly = "STORAGE_READ_ONLY";
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";

    /// <summary>A full disk is freed by an operator: minutes, not seconds.</summary>
    public static readonly TimeSpan FullRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>A read-only database (remounted, a standby promoted) also needs an operator, but often sooner.</summary>
    public static readonly TimeSpan ReadOnlyRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>A dropped connection or a restarting server is usually back in seconds.</summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(5);

    // SQLite's primary result codes (sqlite3.h).
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>The storage fault <paramref name="exception"/> (or an exception inside it) is, or null.</summary>
    public static StorageFault? Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                SqliteException sqlite => Sqlite(sqlite),
                PostgresException postgres => Postgres(postgres.SqlState, postgres.MessageText),
                NpgsqlException npgsql => Unavailable($"the database connection failed ({npgsql.Message})"),
                _ => null,
            };
            if (fault is not null)
            {
                return fault;
            }
        }
        return null;
    }

    private static StorageFault? Sqlite(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        SqliteFull => Full($"the database is full (SQLite {e.SqliteErrorCode})"),
        SqliteReadOnly => ReadOnly($"the database is read-only (SQLite {e.SqliteErrorCode})"),
        SqliteIoError or SqliteCantOpen => Unavailable($"the database file cannot be read or written (SQLite {e.SqliteErrorCode})"),
        _ => null,
    };

    /// <summary>By SQLSTATE: public for the unit tests of the codes no test database can produce (53100 needs a full tablespace).</summary>
    public static StorageFault? Postgres(string sqlState, string text) => sqlState switch
    {
        PostgresErrorCodes.DiskFull => Full($"the database is full (PostgreSQL {sqlState}: {text})"),
        PostgresErrorCodes.ReadOnlySqlTransaction => ReadOnly($"the database is read-only (PostgreSQL {sqlState}: {text})"),
        PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow => Unavailable($"the database is not reachable (PostgreSQL {sqlState}: {text})"),
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => Unavailable($"the database connection failed (PostgreSQL {sqlState}: {text})"),
        _ => null,
    };

    private static StorageFault Full(string description) => new(StatusCode.ResourceExhausted, StorageFull, description, FullRetryAfter);

    private static StorageFault ReadOnly(string description) => new(StatusCode.Unavailable, StorageReadOnly, description, ReadOnlyRetryAfter);

    private static StorageFault Unavailable(string description) => new(StatusCode.Unavailable, StorageUnavailable, description, UnavailableRetryAfter);
}

using System.Data.Common;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// The hub's database: creates EF contexts for queries and migrations, and hands out the writer connection used by
/// the ingestion hot path. SQLite allows one writer at a time, so on SQLite every write goes through one shared
/// connection behind a gate (no "database is locked" under concurrent streams); PostgreSQL takes pooled
/// connections concurrently.
/// </summary>
public sealed class HubDatabase : IAsyncDisposable
{
    private readonly StorageOptions _options;
    private readonly HubMetrics? _metrics;
    private readonly SemaphoreSlim _sqliteGate = new(1, 1);
    private WriterLease? _sqliteWriter;

    public HubDatabase(IOptions<HubOptions> options, HubMetrics? metrics = null)
    {
        _options = options.Value.Storage;
        _metrics = metrics;
        if (_options.Provider == StorageProvider.Sqlite)
        {
            EnsureSqliteDirectory(_options.ConnectionString);
        }
    }

    public StorageProvider Provider => _options.Provider;

    public HubDbContext CreateContext() => _options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteHubDbContext(
            new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite(_options.ConnectionString).Options),
        StorageProvider.Postgres => new PostgresHubDbContext(
            new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql(_options.ConnectionString).Options),
        _ => throw new InvalidOperationException($"Unknown storage provider {_options.Provider}."),
    };

    /// <summary>A new open connection for reads (queries, audit verification).</summary>
    public async Task<DbConnection> OpenReaderAsync(CancellationToken ct)
    {
        DbConnection connection = _options.Provider == StorageProvider.Sqlite
            ? new SqliteConnection(_options.ConnectionString)
            : new NpgsqlConnection(_options.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// The connection to write with; dispose the lease to let the next writer in. Callers run their own
    /// transaction on it (<see cref="WriterLease.BeginAsync"/>).
    /// </summary>
    public async Task<WriterLease> AcquireWriterAsync(CancellationToken ct)
    {
        // The writer wait (exchangehub_storage_writer_wait_seconds): on SQLite the queue behind the one writer.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_options.Provider == StorageProvider.Postgres)
        {
            var pg = new NpgsqlConnection(_options.ConnectionString);
            await pg.OpenAsync(ct);
            _metrics?.WriterWait("postgres", started);
            return new WriterLease(pg, StorageProvider.Postgres, release: null, ownsConnection: true);
        }

        await _sqliteGate.WaitAsync(ct);
        _metrics?.WriterWait("sqlite", started);
        try
        {
            if (_sqliteWriter is null)
            {
                var connection = new SqliteConnection(_options.ConnectionString);
                await connection.OpenAsync(ct);
                await SqlitePragmas.ApplyAsync(connection, ct);
                _sqliteWriter = new WriterLease(connection, StorageProvider.Sqlite, () => _sqliteGate.Release(), ownsConnection: false);
            }
            return _sqliteWriter;
        }
        catch
        {
            _sqliteGate.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteWriter is not null)
        {
            _sqliteWriter.DisposeRawInserts();
            await _sqliteWriter.Connection.DisposeAsync();
        }
        _sqliteGate.Dispose();
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}

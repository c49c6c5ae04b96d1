using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExchangeHub.AuditLog;

/// <summary>The hub's database as the verifier reaches it: a provider and an ADO.NET connection string.</summary>
public sealed record AuditDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Opens the database and checks the whole chain.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await AuditLogVerifier.VerifyAsync(connection, ct);
    }

    /// <summary>
    /// A new open connection. On SQLite the file's directory is created first, as the hub does, so that a hub that
    /// never ran reads as an empty database (no <c>audit_log</c> table) rather than as an unreachable path.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Sqlite => SqliteIn(ConnectionString),
            DatabaseProvider.Postgres => new NpgsqlConnection(ConnectionString),
            _ => throw new InvalidOperationException($"Unknown storage provider {Provider}."),
        };
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteConnection SqliteIn(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
        return new SqliteConnection(connectionString);
    }
}

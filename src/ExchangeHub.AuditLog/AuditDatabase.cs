using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExchangeHub.AuditLog;

/// <summary>The hub's database as the verifier reaches it: a provider and an ADO.NET connection string.</summary>
public sealed record AuditDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Opens the database read-only and checks the whole chain, tree and checkpoints (their signatures given <paramref name="publicKey"/>).</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct, System.Security.Cryptography.ECDsa? publicKey = null)
    {
        await using var connection = await OpenAsync(ct, readOnly: true);
        return await AuditLogVerifier.VerifyAsync(connection, publicKey, ct);
    }

    /// <summary>Opens the database read-only and proves the log only grew since <paramref name="kept"/> (<see cref="AuditLogVerifier.VerifyGrowthAsync"/>).</summary>
    public async Task<AuditBreak?> VerifyGrowthAsync(AuditCheckpoint kept, System.Security.Cryptography.ECDsa? publicKey, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct, readOnly: true);
        return await AuditLogVerifier.VerifyGrowthAsync(connection, kept, publicKey, ct);
    }

    /// <summary>
    /// A new open connection to an existing database. A SQLite file that is not there is never created (an auditor
    /// pointed at the wrong path must not get an empty database that "verifies"): <see cref="DatabaseNotFoundException"/>.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct, bool readOnly = false)
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Sqlite => ExistingSqlite(ConnectionString, readOnly),
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

    private static SqliteConnection ExistingSqlite(string connectionString, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var memory = builder.DataSource is ":memory:" or "" || builder.Mode == SqliteOpenMode.Memory;
        if (!memory && !File.Exists(builder.DataSource))
        {
            throw new DatabaseNotFoundException(Path.GetFullPath(builder.DataSource));
        }
        if (!memory)
        {
            builder.Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite;
        }
        return new SqliteConnection(builder.ToString());
    }
}

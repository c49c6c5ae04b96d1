using System.Data.Common;
using ExchangeHub.Server.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExchangeHub.Server.Storage;

/// <summary>Registers the database and brings its schema up to date at start.</summary>
public static class Extensions
{
    public static IServiceCollection AddHubStorage(this IServiceCollection services)
    {
        services.AddSingleton<HubDatabase>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// Applies pending EF Core migrations (each provider has its own set). A database that cannot be opened or written
    /// (a read-only filesystem, a directory that cannot be created, no permission, PostgreSQL unreachable) is a
    /// <see cref="HubStartupException"/> naming it: one line and exit code 3, before anything listens.
    /// </summary>
    public static async Task MigrateHubDatabaseAsync(this IServiceProvider services, CancellationToken ct)
    {
        try
        {
            var database = services.GetRequiredService<HubDatabase>();
            await ProbeAsync(database, ct);
            await using var context = database.CreateContext();
            await context.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            var storage = services.GetRequiredService<IOptions<HubOptions>>().Value.Storage;
            throw new HubStartupException($"cannot open the database {Describe(storage)}: {ex.Message}",
                HubStartupException.DatabaseUnavailable, ex);
        }
    }

    /// <summary>
    /// Opens the database over plain ADO.NET and, on SQLite, takes and releases the write lock: a database the hub cannot
    /// open or write fails here, before EF Core would log its own error lines.
    /// </summary>
    private static async Task ProbeAsync(HubDatabase database, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        if (database.Provider == StorageProvider.Sqlite)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The SQLite file's full path, or the PostgreSQL host and database — never the password.</summary>
    private static string Describe(StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            return $"(SQLite) {Path.GetFullPath(file)}";
        }
        var pg = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
        return $"(PostgreSQL) {pg.Host}:{pg.Port}/{pg.Database}";
    }
}

using ExchangeHub.Server.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>
/// A fresh, real database for one test: a SQLite file in a temporary folder, or a new database on the PostgreSQL
/// server named by EXCHANGEHUB_TEST_POSTGRES (the test command starts one). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "EXCHANGEHUB_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(StorageProvider provider, string connectionString, string? directory, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public StorageProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "exchangehub-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "hub.db")}", directory, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL and sets it.");
        }
        var name = "exchangehub_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, admin, name);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        if (Provider == StorageProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        await using var pgCommand = pg.CreateCommand();
        pgCommand.CommandText = sql;
        return Convert.ToInt64(await pgCommand.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        if (Provider == StorageProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return;
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        await using var pgCommand = pg.CreateCommand();
        pgCommand.CommandText = sql;
        await pgCommand.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finished test is left to the OS temp cleaner.
            }
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)";
            try
            {
                await command.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex)
            {
                // Clean-up only: a database left behind costs disk, not correctness. Say so and go on.
                await Console.Error.WriteLineAsync($"could not drop test database {_postgresName}: {ex.MessageText}");
            }
        }
    }
}
